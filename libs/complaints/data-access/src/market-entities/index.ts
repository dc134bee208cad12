export * from './tables';
export * from './repositories';
