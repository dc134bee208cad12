import type { JsonSchema } from '@one-window/shared/messaging';

/** 统一社会信用代码 (GB 32100-2015): 18 characters from the standard's 31-character set. */
export const USCC: JsonSchema = { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$', description: 'Unified social credit code (统一社会信用代码)' };
export const LOCAL_DATE: JsonSchema = { type: 'string', format: 'date', description: 'Local date in Asia/Shanghai' };
/** A reference to a person kept by the registration service; events carry no ID numbers. */
export const PERSON_REF: JsonSchema = { type: 'string', minLength: 1, description: 'Opaque person reference (no personal data in events)' };
export const MONEY: JsonSchema = {
  type: 'object',
  required: ['amount', 'currency'],
  properties: { amount: { type: 'string', pattern: '^\\d+(\\.\\d{1,2})?$', description: 'Decimal amount as a string' }, currency: { type: 'string', enum: ['CNY'] } },
};
