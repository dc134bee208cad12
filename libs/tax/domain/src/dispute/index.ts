export * from './tax-dispute';
