export * from './periods';
export * from './history';
export * from './working-hours';
export * from './metrics';
