/** The durable timer that flags an obligation overdue at due + 1 day 00:00 local (§6); key `<taxpayerId>:<periodKey>`. */
export const OBLIGATION_OVERDUE_TIMER = 'tax.obligation.overdue';
