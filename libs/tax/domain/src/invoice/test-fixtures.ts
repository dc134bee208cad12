/** Test helpers for the invoice specs (not exported from the library). */
import fc from 'fast-check';
import { INVOICE_CHAIN_GENESIS, invoiceChainHeadAfter, type InvoiceChainHead } from './hash-chain';
import { isInvoiceTaxpayerId } from './identifiers';
import { issueInvoice, type IssueInvoiceContext, type IssueInvoiceInput, type Invoice } from './invoice';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A well-formed USCC from a 17-character body (the check character is found). */
export function usccFrom(body17: string): string {
  for (const c of ALPHABET) if (isInvoiceTaxpayerId(body17 + c)) return body17 + c;
  throw new Error(`no check character for ${body17}`);
}

export const SELLER_ID = usccFrom('91440101MA5CAAAA1');
export const BUYER_ID = usccFrom('91440106MA9XBBBB2');
export const OTHER_ID = usccFrom('92440104MA1YCCCC3');

/** An instant given as Asia/Shanghai wall-clock time: at('2026-03-02T10:00'). */
export function at(localDateTime: string): Date {
  const date = new Date(`${localDateTime}+08:00`);
  if (Number.isNaN(date.getTime())) throw new Error(`bad test instant ${localDateTime}`);
  return date;
}

export const SECRET = 'test-check-code-secret';

export function ordinaryInput(overrides: Partial<IssueInvoiceInput> = {}): IssueInvoiceInput {
  return {
    kind: 'DIGITAL_ORDINARY',
    seller: { taxpayerId: SELLER_ID, name: '广州示例科技有限公司' },
    buyer: { taxpayerId: BUYER_ID, name: '广州采购贸易有限公司' },
    lines: [
      {
        description: '*信息技术服务*软件开发',
        taxCategoryCode: '3040201000000000000',
        quantity: '1',
        unitPrice: '10000.00',
        rate: 6,
      },
      {
        description: '*计算机配套产品*键盘',
        quantity: '3',
        unitPrice: '33.333',
        rate: 13,
      },
    ],
    ...overrides,
  };
}

export function specialInput(overrides: Partial<IssueInvoiceInput> = {}): IssueInvoiceInput {
  return ordinaryInput({ kind: 'DIGITAL_SPECIAL', ...overrides });
}

export function context(overrides: Partial<IssueInvoiceContext> = {}): IssueInvoiceContext {
  return {
    at: at('2026-03-02T10:00'),
    regionCode: '44',
    serial: 1,
    chainHead: INVOICE_CHAIN_GENESIS,
    remainingQuota: '1000000.00',
    checkCodeSecret: SECRET,
    ...overrides,
  };
}

/** Issues the inputs in order as one issuer's chain (serials 1.., one minute apart). */
export function issueChain(inputs: readonly IssueInvoiceInput[], start: InvoiceChainHead = INVOICE_CHAIN_GENESIS): Invoice[] {
  const out: Invoice[] = [];
  let head = start;
  inputs.forEach((input, i) => {
    const invoice = issueInvoice(
      input,
      context({
        serial: head.lastSequence + 1,
        chainHead: head,
        remainingQuota: '9999999999999999999.99',
        at: new Date(at('2026-03-02T10:00').getTime() + i * 60_000),
      }),
    ).aggregate;
    head = invoiceChainHeadAfter(invoice.document);
    out.push(invoice);
  });
  return out;
}

/** A non-negative decimal string with up to 8 decimals (min units, e.g. 1n for > 0). */
export function decimalArb(minUnits = 0n, maxUnits = 10n ** 9n): fc.Arbitrary<string> {
  return fc
    .tuple(fc.bigInt({ min: minUnits, max: maxUnits }), fc.integer({ min: 0, max: 8 }))
    .map(([units, scale]) =>
      scale === 0 ? units.toString() : `${units / 10n ** BigInt(scale)}.${(units % 10n ** BigInt(scale)).toString().padStart(scale, '0')}`,
    );
}
