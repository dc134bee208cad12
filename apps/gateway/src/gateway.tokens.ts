export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
export const DOWNSTREAMS = Symbol('DOWNSTREAMS');
