export * from './shared';
export * from './ticket';
export * from './knowledge';
export * from './merging';
export * from './metrics';
export * from './open311';
export * from './supervision';
export * from './long-running';
