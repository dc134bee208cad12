import type { TaxStateMachine } from '../shared/state-machine';

/**
 * Fully digital e-invoice (全面数字化电子发票) lifecycle, tax.md §5.1 L92–L97. A red-letter credit
 * note is itself an invoice and runs the same table (it is issued and delivered; the aggregate
 * refuses to reverse it). Verification (查验, L97) changes nothing and is a query, not a trigger.
 * No VOID state: a fully digital invoice is delivered automatically within a minute and cannot be
 * voided (作废) [ext]; a mistake is corrected by a red letter (reason ISSUED_IN_ERROR).
 */
export const INVOICE_STATES = ['ISSUED', 'DELIVERED', 'REVERSED'] as const;
export type InvoiceStatus = (typeof INVOICE_STATES)[number];

export const INVOICE_TRIGGERS = ['issue', 'deliver', 'reverse'] as const;
export type InvoiceTrigger = (typeof INVOICE_TRIGGERS)[number];

export const INVOICE_MACHINE: TaxStateMachine<InvoiceStatus, InvoiceTrigger> = {
  name: 'invoice',
  codePrefix: 'tax',
  states: INVOICE_STATES,
  triggers: INVOICE_TRIGGERS,
  creations: [
    {
      trigger: 'issue',
      to: 'ISSUED',
      actors: ['applicant'],
      guard: 'Within the remaining monthly quota; seconds (003 L51 秒级开票), L94',
    },
  ],
  transitions: [
    {
      from: ['ISSUED'],
      trigger: 'deliver',
      to: 'DELIVERED',
      actors: ['system'],
      guard: "To the buyer's digital tax account (税务数字账户) when it has a taxpayer id, else by e-mail; 1 min [cfg], L95",
    },
    {
      from: ['DELIVERED'],
      trigger: 'reverse',
      to: 'REVERSED',
      actors: ['applicant'],
      guard: 'Red-letter credit note (红字) by the issuer; buyer confirmation when the buyer already used it [ext]; once per original, L96',
    },
  ],
  terminal: ['REVERSED'],
};
