export * from './relief-rule';
export * from './relief-rule-book';
export * from './relief-rules-2023';
export * from './small-scale-assessment';
export * from './errors';
