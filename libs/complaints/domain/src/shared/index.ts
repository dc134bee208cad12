export * from './errors';
export * from './actors';
export * from './outcome';
export * from './state-machine';
export * from './attempts';
export * from './district-scope';
