export * from './tables';
export * from './repositories';
export * from './reference';
