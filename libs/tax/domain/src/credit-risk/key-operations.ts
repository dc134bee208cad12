/**
 * Key operations (关键涉税业务), tax.md §8 R8.3 [cfg]: a versioned list an admin publishes (two
 * people, §2). Operations not on the list are not gated by credit + risk.
 */

/** Operation codes the services gate on. Other operations are any string (e.g. 'FILE_RETURN'). */
export const KEY_OPERATION_CODES = [
  'REFUND_CLAIM',
  'INVOICE_QUOTA_INCREASE',
  'PROXY_INVOICE', // 代开发票
  'UKEY_ISSUE',
  'CLEARANCE_ON_THE_SPOT', // 即办清税
  'CLEARANCE_COMMITMENT', // 清税承诺
  'CROSS_REGION_MATTER', // 跨区域涉税事项
] as const;
export type KeyOperationCode = (typeof KEY_OPERATION_CODES)[number];

/** What a list hit on refund fraud / false invoicing blocks (R8.5): refunds and invoice operations. */
export const OPERATION_CATEGORIES = ['refund', 'invoice', 'clearance', 'cross_region', 'other'] as const;
export type OperationCategory = (typeof OPERATION_CATEGORIES)[number];

export interface KeyOperationEntry {
  readonly operation: string;
  readonly category: OperationCategory;
}

/** One published version of the list. Versions are immutable; a change is a new version. */
export interface KeyOperationList {
  readonly version: string;
  /** ISO local date from which this version applies. */
  readonly effectiveFrom: string;
  readonly operations: readonly KeyOperationEntry[];
}

/** The R8.3 default: refund claim, invoice-quota increase, 代开 invoice, UKey issue, on-the-spot or commitment clearance, cross-region matters. */
export const DEFAULT_KEY_OPERATIONS: KeyOperationList = {
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  operations: [
    { operation: 'REFUND_CLAIM', category: 'refund' },
    { operation: 'INVOICE_QUOTA_INCREASE', category: 'invoice' },
    { operation: 'PROXY_INVOICE', category: 'invoice' },
    { operation: 'UKEY_ISSUE', category: 'invoice' },
    { operation: 'CLEARANCE_ON_THE_SPOT', category: 'clearance' },
    { operation: 'CLEARANCE_COMMITMENT', category: 'clearance' },
    { operation: 'CROSS_REGION_MATTER', category: 'cross_region' },
  ],
};

/** The list entry for `operation`, or undefined when it is not a key operation in this version. */
export function keyOperationEntry(list: KeyOperationList, operation: string): KeyOperationEntry | undefined {
  return list.operations.find((e) => e.operation === operation);
}

export function isKeyOperation(list: KeyOperationList, operation: string): boolean {
  return keyOperationEntry(list, operation) !== undefined;
}

/**
 * The version in force on `date` (ISO local date) among published versions: the one with the
 * latest effectiveFrom ≤ date. Undefined before the first version.
 */
export function keyOperationListOn(versions: readonly KeyOperationList[], date: string): KeyOperationList | undefined {
  return [...versions]
    .filter((v) => v.effectiveFrom <= date)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0))
    .pop();
}
