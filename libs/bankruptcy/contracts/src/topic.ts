/** The bankruptcy service's one topic; events are keyed by case id, so all of a case's events stay ordered (bankruptcy.md §9). */
export const BANKRUPTCY_TOPIC = 'bankruptcy.events';
export const BANKRUPTCY_SOURCE = '/one-window/bankruptcy';
