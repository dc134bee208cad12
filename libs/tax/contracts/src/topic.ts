/** The tax service's one topic; events are keyed by taxpayer id (the credit code) unless stated. */
export const TAX_TOPIC = 'tax.events';
export const TAX_SOURCE = '/one-window/tax';
