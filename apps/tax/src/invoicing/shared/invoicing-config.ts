import { defineConfig, env } from '@one-window/shared/config';

/**
 * Settings of the invoicing part [cfg]:
 * - `INVOICE_CHECK_CODE_SECRET`: the bureau's secret the 20-digit check code (校验码) is derived from
 *   (HMAC-SHA256). Set it in every real environment and keep it stable: changing it makes every
 *   invoice issued before fail verification by check code. The default is for dev and tests only.
 * - `INVOICE_CHANNEL`: the 1-digit issuing channel in the invoice number ('1' = e-tax bureau).
 * - `UKEY_FREE_WITHIN_DAYS`: a taxpayer registered at most this many days ago is "new" and gets its UKey free.
 */
export const invoicingConfig = defineConfig('invoicing', {
  checkCodeSecret: env.string('INVOICE_CHECK_CODE_SECRET', { default: 'dev-only-invoice-check-code-secret' }),
  channel: env.string('INVOICE_CHANNEL', { default: '1', pattern: /^\d$/ }),
  ukeyFreeWithinDays: env.int('UKEY_FREE_WITHIN_DAYS', { default: 365, min: 0, max: 36500 }),
});

export type InvoicingConfig = ReturnType<typeof invoicingConfig.load>;

/** Injection token of the loaded settings. */
export const INVOICING_CONFIG = invoicingConfig.token;
