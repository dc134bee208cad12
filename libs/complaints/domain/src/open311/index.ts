export * from './status-mapping';
export * from './service-definition';
export * from './public-request';
export * from './request-query';
export * from './request-updates';
