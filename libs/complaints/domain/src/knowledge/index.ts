export * from './validity';
export * from './knowledge-point';
export * from './feedback';
export * from './outage';
export * from './kb-metrics';
