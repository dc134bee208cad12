export * from './coded-error';
export * from './state-machine';
