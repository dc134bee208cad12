/** Fully digital e-invoices (全面数字化电子发票) and the free tax UKey: tax.md §5. */
export * from './amounts';
export * from './errors';
export * from './events';
export * from './identifiers';
export * from './invoice-document';
export * from './hash-chain';
export * from './invoice-machine';
export * from './invoice';
export * from './verification';
export * from './digital-account';
export * from './ukey-machine';
export * from './ukey';
