export * from './links';
export * from './merge';
export * from './candidates';
