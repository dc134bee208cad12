import { catchError } from '@one-window/shared/state-machine/testing';
import { DigitalTaxAccount, digitalAccountEntryStatus } from './digital-account';
import {
  InvoiceAlreadyConsumedError,
  InvoiceConflictError,
  InvoiceNotForAccountError,
  InvoiceNotInAccountError,
  InvoiceUseNotAllowedError,
} from './errors';
import { invoiceChainHeadAfter } from './hash-chain';
import { issueInvoice, issueRedLetter, type Invoice } from './invoice';
import { at, BUYER_ID, context, ordinaryInput, OTHER_ID, SELLER_ID, specialInput } from './test-fixtures';

const t = at('2026-03-02T10:01');

function statusOf(account: DigitalTaxAccount, invoiceNo: string) {
  const entry = account.entry(invoiceNo);
  if (!entry) throw new Error(`no entry ${invoiceNo}`);
  return digitalAccountEntryStatus(entry);
}

function delivered(input = specialInput()): Invoice {
  return issueInvoice(input, context()).aggregate.deliver({
    at: at('2026-03-02T10:00:20'),
  }).aggregate;
}

function reverse(original: Invoice, scope: 'FULL' | 'PARTIAL', buyerHasUsed = false) {
  return issueRedLetter(
    original,
    {
      issuerId: SELLER_ID,
      reason: scope === 'FULL' ? 'ISSUED_IN_ERROR' : 'SALES_ALLOWANCE',
      scope,
      ...(scope === 'PARTIAL' ? { lines: [{ lineNo: 1, amount: '100' }] } : {}),
      buyerHasUsed,
      ...(buyerHasUsed
        ? {
            buyerConfirmation: {
              confirmedBy: BUYER_ID,
              confirmedAt: at('2026-03-09T09:00'),
            },
          }
        : {}),
    },
    context({
      at: at('2026-03-10T09:00'),
      serial: 2,
      chainHead: invoiceChainHeadAfter(original.document),
    }),
  );
}

describe('DigitalTaxAccount (税务数字账户, §5.1 L90, §5.3 L103)', () => {
  it('receives invoices addressed to it, idempotently; the same number with other content is a conflict', () => {
    const invoice = delivered();
    const account = DigitalTaxAccount.open(BUYER_ID).receive(invoice.document, t);
    expect(account.entry(invoice.invoiceNo)).toMatchObject({
      invoiceNo: invoice.invoiceNo,
      total: '10713.00',
      hash: invoice.document.hash,
      receivedAt: t,
    });
    expect(statusOf(account, invoice.invoiceNo)).toBe('AVAILABLE');
    expect(account.receive(invoice.document, at('2026-03-02T10:05'))).toBe(account);
    expect(catchError(() => account.receive({ ...invoice.document, hash: 'f'.repeat(64) }, t))).toBeInstanceOf(InvoiceConflictError);
    expect(catchError(() => DigitalTaxAccount.open(OTHER_ID).receive(invoice.document, t))).toBeInstanceOf(InvoiceNotForAccountError);
    expect(account.entry('constructor')).toBeUndefined();
  });

  it('booking or reimbursement consumes an invoice: it cannot be claimed twice', () => {
    const invoice = delivered(ordinaryInput());
    const account = DigitalTaxAccount.open(BUYER_ID).receive(invoice.document, t);
    const booked = account.consume({
      invoiceNo: invoice.invoiceNo,
      use: 'REIMBURSEMENT',
      reference: 'EXP-001',
      at: t,
    });
    expect(statusOf(booked, invoice.invoiceNo)).toBe('CONSUMED');
    const again = catchError(() =>
      booked.consume({
        invoiceNo: invoice.invoiceNo,
        use: 'BOOKING',
        reference: 'V-9',
        at: t,
      }),
    );
    expect(again).toBeInstanceOf(InvoiceAlreadyConsumedError);
    expect((again as InvoiceAlreadyConsumedError).details).toEqual({
      invoiceNo: invoice.invoiceNo,
      use: 'REIMBURSEMENT',
      reference: 'EXP-001',
    });
    expect(statusOf(account, invoice.invoiceNo)).toBe('AVAILABLE'); // immutable
    expect(
      catchError(() =>
        account.consume({
          invoiceNo: '26440000000000000099',
          use: 'BOOKING',
          reference: 'x',
          at: t,
        }),
      ),
    ).toBeInstanceOf(InvoiceNotInAccountError);
  });

  it('deduction (抵扣) is once, for special invoices only', () => {
    const special = delivered();
    const ordinary = issueInvoice(ordinaryInput(), context({ serial: 5 })).aggregate;
    const account = DigitalTaxAccount.open(BUYER_ID).receive(special.document, t).receive(ordinary.document, t);
    const deducted = account.deduct({
      invoiceNo: special.invoiceNo,
      period: '2026-03',
      at: t,
    });
    expect(deducted.entry(special.invoiceNo)?.deduction).toEqual({
      period: '2026-03',
      at: t,
    });
    expect(
      catchError(() =>
        deducted.deduct({
          invoiceNo: special.invoiceNo,
          period: '2026-04',
          at: t,
        }),
      ),
    ).toBeInstanceOf(InvoiceAlreadyConsumedError);
    expect(
      catchError(() =>
        account.deduct({
          invoiceNo: ordinary.invoiceNo,
          period: '2026-03',
          at: t,
        }),
      ),
    ).toBeInstanceOf(InvoiceUseNotAllowedError);
    // deducting and booking the same invoice are different uses
    expect(
      deducted
        .consume({
          invoiceNo: special.invoiceNo,
          use: 'BOOKING',
          reference: 'V-1',
          at: t,
        })
        .entry(special.invoiceNo)?.consumption?.use,
    ).toBe('BOOKING');
  });

  it('a used invoice needs the buyer confirmation for a red letter', () => {
    const invoice = delivered();
    const account = DigitalTaxAccount.open(BUYER_ID).receive(invoice.document, t);
    expect(account.requiresBuyerConfirmation(invoice.invoiceNo)).toBe(false);
    expect(account.deduct({ invoiceNo: invoice.invoiceNo, period: '2026-03', at: t }).requiresBuyerConfirmation(invoice.invoiceNo)).toBe(true);
    expect(
      account
        .consume({
          invoiceNo: invoice.invoiceNo,
          use: 'BOOKING',
          reference: 'V-1',
          at: t,
        })
        .requiresBuyerConfirmation(invoice.invoiceNo),
    ).toBe(true);
    expect(account.requiresBuyerConfirmation('26440000000000000099')).toBe(false);
  });

  it('a full credit note marks the original reversed: no further use; the credit note can only be booked', () => {
    const invoice = delivered();
    const { creditNote } = reverse(invoice, 'FULL');
    const account = DigitalTaxAccount.open(BUYER_ID).receive(invoice.document, t).receive(creditNote.document, at('2026-03-10T09:01'));
    expect(statusOf(account, invoice.invoiceNo)).toBe('REVERSED');
    expect(account.entry(invoice.invoiceNo)?.reversal).toEqual({
      creditNoteNo: creditNote.invoiceNo,
      scope: 'FULL',
    });
    expect(
      catchError(() =>
        account.consume({
          invoiceNo: invoice.invoiceNo,
          use: 'BOOKING',
          reference: 'V-2',
          at: t,
        }),
      ),
    ).toMatchObject({
      code: 'tax.invoice.use_not_allowed',
    });
    expect(
      catchError(() =>
        account.consume({
          invoiceNo: creditNote.invoiceNo,
          use: 'REIMBURSEMENT',
          reference: 'E',
          at: t,
        }),
      ),
    ).toBeInstanceOf(InvoiceUseNotAllowedError);
    expect(
      catchError(() =>
        account.deduct({
          invoiceNo: creditNote.invoiceNo,
          period: '2026-03',
          at: t,
        }),
      ),
    ).toBeInstanceOf(InvoiceUseNotAllowedError);
    expect(
      account
        .consume({
          invoiceNo: creditNote.invoiceNo,
          use: 'BOOKING',
          reference: 'V-3',
          at: t,
        })
        .entry(creditNote.invoiceNo)?.consumption?.use,
    ).toBe('BOOKING');
  });

  it('after a partial credit note the remainder stays usable', () => {
    const invoice = delivered();
    const account = DigitalTaxAccount.open(BUYER_ID).receive(invoice.document, t);
    const used = account.consume({
      invoiceNo: invoice.invoiceNo,
      use: 'BOOKING',
      reference: 'V-1',
      at: t,
    });
    const { creditNote } = reverse(invoice, 'PARTIAL', used.requiresBuyerConfirmation(invoice.invoiceNo));
    const after = account.receive(creditNote.document, t);
    expect(statusOf(after, invoice.invoiceNo)).toBe('AVAILABLE');
    expect(
      after
        .consume({
          invoiceNo: invoice.invoiceNo,
          use: 'BOOKING',
          reference: 'V-2',
          at: t,
        })
        .entry(invoice.invoiceNo)?.reversal?.scope,
    ).toBe('PARTIAL');
  });
});
