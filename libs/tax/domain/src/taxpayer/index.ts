export * from './taxpayer-machine';
export * from './taxpayer';
