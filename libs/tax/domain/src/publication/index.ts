// Admin publication of tax rule data with two people (tax.md §2 Admin, E2, R8.3, R8.5).
export * from './errors';
export * from './rule-publication';
export * from './relief-publication';
export * from './key-operation-publication';
export * from './high-risk-list';
