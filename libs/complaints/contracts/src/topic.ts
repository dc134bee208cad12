/** The complaints service's one topic. Submission and ticket events are keyed by the submission id (spec §8). */
export const COMPLAINTS_TOPIC = 'complaints.events';
export const COMPLAINTS_SOURCE = '/one-window/complaints';
