/** The registration service's one topic; events are keyed by credit code (or application id before one exists). */
export const REGISTRATION_TOPIC = 'registration.events';
export const REGISTRATION_SOURCE = '/one-window/business-registration';
