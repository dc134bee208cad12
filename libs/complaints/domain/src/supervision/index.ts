export * from './supervision-case';
