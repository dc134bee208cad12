/** Injection tokens of what the platform provides to every service module. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const SERVICE_DEFINITION = Symbol('SERVICE_DEFINITION');
export const KAFKA = Symbol('KAFKA');
export const EVENT_PRODUCER = Symbol('EVENT_PRODUCER');
export const CONSUMERS = Symbol('CONSUMERS');
export const SNAPSHOT_SOURCES = Symbol('SNAPSHOT_SOURCES');
