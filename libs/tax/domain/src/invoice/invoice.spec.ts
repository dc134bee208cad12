import fc from 'fast-check';
import { describeMachineExhaustively, catchError } from '@one-window/shared/state-machine/testing';
import { TAX_ACTORS } from '../shared/actors';
import { TaxError } from '../shared/errors';
import { INVOICE_VAT_RATES, invoiceAmountFen } from './amounts';
import {
  BuyerConfirmationRequiredError,
  CreditNoteNotReversibleError,
  InvoiceQuotaExceededError,
  InvoiceValidationError,
  NotInvoiceIssuerError,
  RedLetterAlreadyIssuedError,
  RedLetterExceedsOriginalError,
} from './errors';
import { INVOICE_CHAIN_GENESIS_HASH, invoiceChainHeadAfter, verifyInvoiceChain } from './hash-chain';
import { parseInvoiceNumber } from './identifiers';
import { issueInvoice, issueRedLetter, type Invoice, type RedLetterInput } from './invoice';
import { computeInvoiceHash, invoiceTotalsProblems } from './invoice-document';
import { INVOICE_MACHINE } from './invoice-machine';
import { at, BUYER_ID, context, decimalArb, ordinaryInput, OTHER_ID, SELLER_ID, specialInput } from './test-fixtures';

describeMachineExhaustively(INVOICE_MACHINE, TAX_ACTORS);

function issued(overrides = {}, ctx = {}): Invoice {
  return issueInvoice(ordinaryInput(overrides), context(ctx)).aggregate;
}

function delivered(): Invoice {
  return issued().deliver({ at: at('2026-03-02T10:00:30') }).aggregate;
}

const redCtx = (original: Invoice) => ({
  ...context({
    at: at('2026-03-10T09:00'),
    serial: 2,
    chainHead: invoiceChainHeadAfter(original.document),
  }),
});
const full: RedLetterInput = {
  issuerId: SELLER_ID,
  reason: 'ISSUED_IN_ERROR',
  scope: 'FULL',
  buyerHasUsed: false,
};

function validationFields(fn: () => unknown): string[] {
  const error = catchError(fn);
  expect(error).toBeInstanceOf(InvoiceValidationError);
  return (error as InvoiceValidationError).issues.map((i) => i.field);
}

describe('issueInvoice (开具, §5.1)', () => {
  it('computes lines half up, sums the totals, numbers, signs and links the invoice', () => {
    const { aggregate, events } = issueInvoice(ordinaryInput(), context({ serial: 42 }));
    const doc = aggregate.document;
    expect(aggregate.status).toBe('ISSUED');
    expect(doc.lines.map((l) => [l.lineNo, l.amount, l.tax])).toEqual([
      [1, '10000.00', '600.00'],
      [2, '100.00', '13.00'], // 3 × 33.333 = 99.999 → 100.00
    ]);
    expect([doc.amount, doc.tax, doc.total]).toEqual(['10100.00', '613.00', '10713.00']);
    expect(doc.invoiceNo).toBe('26441000000000000042');
    expect(parseInvoiceNumber(doc.invoiceNo)).toEqual({
      year: 2026,
      regionCode: '44',
      channel: '1',
      serial: 42,
    });
    expect(doc.checkCode).toMatch(/^\d{20}$/);
    expect(doc.issuedOn).toBe('2026-03-02');
    expect(doc.chainSequence).toBe(1);
    expect(doc.prevHash).toBe(INVOICE_CHAIN_GENESIS_HASH);
    expect(doc.hash).toBe(computeInvoiceHash(doc));
    expect(invoiceTotalsProblems(doc)).toEqual([]);
    expect(events).toEqual([
      {
        type: 'tax.invoice.issued',
        aggregateId: doc.invoiceNo,
        occurredAt: at('2026-03-02T10:00'),
        data: {
          invoiceNo: doc.invoiceNo,
          kind: 'DIGITAL_ORDINARY',
          issuerId: SELLER_ID,
          buyerId: BUYER_ID,
          amount: { amount: '10100.00', currency: 'CNY' },
          tax: { amount: '613.00', currency: 'CNY' },
          total: { amount: '10713.00', currency: 'CNY' },
          hash: doc.hash,
          chainSequence: 1,
          originalInvoiceNo: null,
        },
      },
    ]);
    expect(JSON.parse(JSON.stringify(events[0].data))).toEqual(events[0].data);
  });

  it('the year in the number and the date of issue are Asia/Shanghai', () => {
    expect(issued({}, { at: at('2026-12-31T23:59') }).document).toMatchObject({
      issuedOn: '2026-12-31',
      invoiceNo: expect.stringMatching(/^2644/),
    });
    const newYear = issued({}, { at: new Date('2026-12-31T16:30:00Z') }).document; // 00:30 on 1 January in Shanghai
    expect(newYear.issuedOn).toBe('2027-01-01');
    expect(newYear.invoiceNo.startsWith('2744')).toBe(true);
  });

  it('the check code depends on the secret and the content', () => {
    const a = issued().document.checkCode;
    expect(issued({}, { checkCodeSecret: 'another' }).document.checkCode).not.toBe(a);
    expect(issued({ buyer: { taxpayerId: BUYER_ID, name: '另一家公司' } }).document.checkCode).not.toBe(a);
    expect(issued().document.checkCode).toBe(a);
  });

  it('a special invoice (专票) needs the buyer taxpayer id; without one an ordinary invoice goes by e-mail', () => {
    expect(validationFields(() => issueInvoice(specialInput({ buyer: { name: '个人', email: 'a@b.cn' } }), context()))).toEqual(['buyer.taxpayerId']);
    expect(issueInvoice(specialInput(), context()).aggregate.document.kind).toBe('DIGITAL_SPECIAL');
    expect(validationFields(() => issueInvoice(ordinaryInput({ buyer: { name: '张三' } }), context()))).toEqual(['buyer.email']);
    expect(issueInvoice(ordinaryInput({ buyer: { name: '张三', email: 'zhang@example.cn' } }), context()).aggregate.document.buyer).toEqual({
      name: '张三',
      email: 'zhang@example.cn',
    });
  });

  it('validation names every bad field', () => {
    const error = catchError(() =>
      issueInvoice(
        {
          kind: 'PAPER' as never,
          seller: { taxpayerId: '91440101MA5CAAAA1X', name: ' ' },
          buyer: { taxpayerId: 'nope', name: '', email: 'not-mail' },
          lines: [
            {
              description: '',
              quantity: '-1',
              unitPrice: '1.123456789',
              rate: 17,
            },
            {
              description: 'ok',
              taxCategoryCode: '123',
              quantity: '0',
              unitPrice: '5',
              rate: 6,
            },
            { description: 'ok' } as never,
          ],
        },
        context(),
      ),
    ) as InvoiceValidationError;
    expect(error.code).toBe('tax.invoice.invalid');
    expect(error.issues.map((i) => i.field)).toEqual([
      'kind',
      'seller.taxpayerId',
      'seller.name',
      'buyer.name',
      'buyer.taxpayerId',
      'buyer.email',
      'lines[0].description',
      'lines[0].quantity',
      'lines[0].unitPrice',
      'lines[0].rate',
      'lines[1].taxCategoryCode',
      'lines[1].quantity',
      'lines[2].quantity',
      'lines[2].unitPrice',
      'lines[2].rate',
    ]);
    expect(JSON.parse(JSON.stringify(error.details))).toEqual(error.details);
    expect(validationFields(() => issueInvoice(ordinaryInput({ lines: [] }), context()))).toEqual(['lines']);
    expect(validationFields(() => issueInvoice(ordinaryInput({ buyer: { taxpayerId: SELLER_ID, name: 'self' } }), context()))).toEqual([
      'buyer.taxpayerId',
    ]);
    expect(
      validationFields(() =>
        issueInvoice(
          ordinaryInput({
            lines: [{ description: 'x', quantity: '1', unitPrice: '0.004', rate: 3 }],
          }),
          context(),
        ),
      ),
    ).toEqual(['lines[0]']);
  });

  describe('quota (授信额度)', () => {
    it('exactly the remaining quota is allowed', () => {
      expect(issued({}, { remainingQuota: '10713.00' }).document.total).toBe('10713.00');
      expect(issued({}, { remainingQuota: '10713' }).status).toBe('ISSUED');
    });

    it('one fen over is refused with remaining and requested', () => {
      const error = catchError(() => issued({}, { remainingQuota: '10712.99' })) as InvoiceQuotaExceededError;
      expect(error).toBeInstanceOf(InvoiceQuotaExceededError);
      expect(error).toBeInstanceOf(TaxError);
      expect(error.code).toBe('tax.invoice.quota_exceeded');
      expect(error.details).toEqual({
        remaining: '10712.99',
        requested: '10713.00',
      });
    });
  });

  it('property: totals are always the sums of the lines, each line as computed', () => {
    const line = fc.record({
      description: fc.constant('*货物*x'),
      quantity: decimalArb(1n, 10n ** 7n),
      unitPrice: decimalArb(1n, 10n ** 8n),
      rate: fc.constantFrom(...INVOICE_VAT_RATES),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        let outcome;
        try {
          outcome = issueInvoice(ordinaryInput({ lines }), context({ remainingQuota: '9999999999999999999.99' }));
        } catch (error) {
          // only a line rounding to 0.00 may be refused
          return error instanceof InvoiceValidationError && error.issues.every((i) => /^lines\[\d+\]$/.test(i.field));
        }
        const doc = outcome.aggregate.document;
        const amount = doc.lines.reduce((s, l) => s + invoiceAmountFen(l.amount), 0n);
        const tax = doc.lines.reduce((s, l) => s + invoiceAmountFen(l.tax), 0n);
        return (
          invoiceAmountFen(doc.amount) === amount &&
          invoiceAmountFen(doc.tax) === tax &&
          invoiceAmountFen(doc.total) === amount + tax &&
          doc.lines.every((l) => invoiceAmountFen(l.amount) > 0n && invoiceAmountFen(l.tax) >= 0n) &&
          invoiceTotalsProblems(doc).length === 0
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('delivery (交付, §5.1 L95)', () => {
  it("to the buyer's digital tax account when it has a taxpayer id", () => {
    const { aggregate, events } = issued().deliver({
      at: at('2026-03-02T10:00:30'),
    });
    expect(aggregate.status).toBe('DELIVERED');
    expect(aggregate.state.delivery).toEqual({
      channel: 'DIGITAL_ACCOUNT',
      at: at('2026-03-02T10:00:30'),
      late: false,
    });
    expect(events[0]).toMatchObject({
      type: 'tax.invoice.delivered',
      data: { channel: 'DIGITAL_ACCOUNT', buyerId: BUYER_ID, late: false },
    });
    expect(aggregate.state.history.map((h) => [h.trigger, h.to, h.actor])).toEqual([
      ['issue', 'ISSUED', 'applicant'],
      ['deliver', 'DELIVERED', 'system'],
    ]);
  });

  it('by e-mail otherwise; later than 1 min is flagged late and overdue before', () => {
    const invoice = issued({
      buyer: { name: '张三', email: 'zhang@example.cn' },
    });
    expect(invoice.isDeliveryOverdue(at('2026-03-02T10:01'))).toBe(false);
    expect(invoice.isDeliveryOverdue(at('2026-03-02T10:01:01'))).toBe(true);
    const { aggregate, events } = invoice.deliver({
      at: at('2026-03-02T10:02'),
    });
    expect(events[0].data).toMatchObject({
      channel: 'EMAIL',
      buyerId: null,
      late: true,
    });
    expect(JSON.stringify(events[0].data)).not.toContain('zhang@');
    expect(aggregate.isDeliveryOverdue(at('2026-03-03T10:00'))).toBe(false);
    expect(catchError(() => aggregate.deliver({ at: at('2026-03-02T10:03') }))).toMatchObject({ code: 'tax.transition.not_allowed' });
  });
});

describe('red letter (红字, §5.1 L96)', () => {
  it('a full reversal issues a negative credit note referencing the original and reverses it', () => {
    const original = delivered();
    const { original: reversed, creditNote, events } = issueRedLetter(original, full, redCtx(original));
    expect(reversed.status).toBe('REVERSED');
    expect(original.status).toBe('DELIVERED'); // immutable
    const note = creditNote.document;
    expect(creditNote.status).toBe('ISSUED');
    expect(creditNote.isCreditNote).toBe(true);
    expect(note.redLetter).toEqual({
      originalInvoiceNo: original.invoiceNo,
      scope: 'FULL',
      reason: 'ISSUED_IN_ERROR',
    });
    expect(note.lines.map((l) => [l.originalLineNo, l.quantity, l.unitPrice, l.amount, l.tax])).toEqual([
      [1, '-1', '10000.00', '-10000.00', '-600.00'],
      [2, '-3', '33.333', '-100.00', '-13.00'],
    ]);
    expect([note.amount, note.tax, note.total]).toEqual(['-10100.00', '-613.00', '-10713.00']);
    expect(invoiceTotalsProblems(note)).toEqual([]);
    expect(note.prevHash).toBe(original.document.hash);
    expect(verifyInvoiceChain([original.document, note]).valid).toBe(true);
    expect(reversed.state.reversal).toMatchObject({
      creditNoteNo: note.invoiceNo,
      scope: 'FULL',
      amount: '-10100.00',
      tax: '-613.00',
    });
    expect(events.map((e) => [e.type, e.aggregateId])).toEqual([
      ['tax.invoice.issued', note.invoiceNo],
      ['tax.invoice.reversed', original.invoiceNo],
    ]);
    expect(events[0].data).toMatchObject({
      originalInvoiceNo: original.invoiceNo,
      amount: { amount: '-10100.00', currency: 'CNY' },
    });
    expect(events[1].data).toMatchObject({
      creditNoteNo: note.invoiceNo,
      scope: 'FULL',
      buyerConfirmed: false,
      amount: { amount: '-10100.00' },
    });
  });

  it('a second red letter for the same original is refused; a credit note cannot be reversed', () => {
    const original = delivered();
    const first = issueRedLetter(
      original,
      {
        ...full,
        reason: 'GOODS_RETURNED',
        scope: 'PARTIAL',
        lines: [{ lineNo: 2, quantity: '1' }],
      },
      redCtx(original),
    );
    const error = catchError(() => issueRedLetter(first.original, full, redCtx(original)));
    expect(error).toBeInstanceOf(RedLetterAlreadyIssuedError);
    expect((error as RedLetterAlreadyIssuedError).details).toEqual({
      invoiceNo: original.invoiceNo,
      creditNoteNo: first.creditNote.invoiceNo,
    });
    const note = first.creditNote.deliver({
      at: at('2026-03-10T09:00:10'),
    }).aggregate;
    expect(catchError(() => issueRedLetter(note, full, redCtx(note)))).toBeInstanceOf(CreditNoteNotReversibleError);
  });

  it('only the issuer, and only once delivered', () => {
    const original = delivered();
    expect(catchError(() => issueRedLetter(original, { ...full, issuerId: OTHER_ID }, redCtx(original)))).toBeInstanceOf(NotInvoiceIssuerError);
    expect(catchError(() => issueRedLetter(issued(), full, redCtx(original)))).toMatchObject({ code: 'tax.transition.not_allowed' });
  });

  it("needs the buyer's confirmation when the buyer already used the invoice", () => {
    const original = delivered();
    expect(catchError(() => issueRedLetter(original, { ...full, buyerHasUsed: true }, redCtx(original)))).toBeInstanceOf(
      BuyerConfirmationRequiredError,
    );
    expect(
      validationFields(() =>
        issueRedLetter(
          original,
          {
            ...full,
            buyerHasUsed: true,
            buyerConfirmation: {
              confirmedBy: OTHER_ID,
              confirmedAt: at('2026-03-09T10:00'),
            },
          },
          redCtx(original),
        ),
      ),
    ).toEqual(['buyerConfirmation.confirmedBy']);
    const ok = issueRedLetter(
      original,
      {
        ...full,
        buyerHasUsed: true,
        buyerConfirmation: {
          confirmedBy: BUYER_ID,
          confirmedAt: at('2026-03-09T10:00'),
        },
      },
      redCtx(original),
    );
    expect(ok.original.state.reversal?.buyerConfirmation).toEqual({
      confirmedBy: BUYER_ID,
      confirmedAt: at('2026-03-09T10:00'),
    });
    expect(ok.events[1].data).toMatchObject({ buyerConfirmed: true });
  });

  it('a partial red letter reverses quantities or amounts, never more than the original line', () => {
    const original = delivered();
    const partial = issueRedLetter(
      original,
      {
        ...full,
        reason: 'SALES_ALLOWANCE',
        scope: 'PARTIAL',
        lines: [
          { lineNo: 1, amount: '500' },
          { lineNo: 2, quantity: '1.5' },
        ],
      },
      redCtx(original),
    );
    expect(partial.creditNote.document.lines.map((l) => [l.lineNo, l.originalLineNo, l.quantity, l.amount, l.tax])).toEqual([
      [1, 1, undefined, '-500.00', '-30.00'],
      [2, 2, '-1.5', '-50.00', '-6.50'], // 1.5 × 33.333 = 49.9995 → 50.00
    ]);
    expect(partial.creditNote.document.total).toBe('-586.50');
    expect(partial.original.state.reversal).toMatchObject({ scope: 'PARTIAL' });

    const exactly = issueRedLetter(
      original,
      {
        ...full,
        reason: 'GOODS_RETURNED',
        scope: 'PARTIAL',
        lines: [{ lineNo: 2, quantity: '3' }],
      },
      redCtx(original),
    );
    expect(exactly.creditNote.document.lines[0]).toMatchObject({
      amount: '-100.00',
      tax: '-13.00',
    });

    const over = catchError(() =>
      issueRedLetter(
        original,
        {
          ...full,
          reason: 'GOODS_RETURNED',
          scope: 'PARTIAL',
          lines: [{ lineNo: 2, quantity: '3.00000001' }],
        },
        redCtx(original),
      ),
    );
    expect(over).toBeInstanceOf(RedLetterExceedsOriginalError);
    expect((over as RedLetterExceedsOriginalError).details).toEqual({
      invoiceNo: original.invoiceNo,
      lineNo: 2,
      field: 'quantity',
      requested: '3.00000001',
      available: '3',
    });
    expect(
      catchError(() =>
        issueRedLetter(
          original,
          {
            ...full,
            reason: 'SALES_ALLOWANCE',
            scope: 'PARTIAL',
            lines: [{ lineNo: 1, amount: '10000.01' }],
          },
          redCtx(original),
        ),
      ),
    ).toMatchObject({
      code: 'tax.invoice.red_letter_exceeds_original',
      details: {
        field: 'amount',
        requested: '10000.01',
        available: '10000.00',
      },
    });
  });

  it('names bad red-letter fields', () => {
    const original = delivered();
    expect(
      validationFields(() => issueRedLetter(original, { ...full, scope: 'PARTIAL', lines: [{ lineNo: 1, amount: '1' }] }, redCtx(original))),
    ).toEqual(['scope']);
    expect(
      validationFields(() =>
        issueRedLetter(
          original,
          {
            ...full,
            reason: 'GOODS_RETURNED',
            scope: 'PARTIAL',
            lines: [
              { lineNo: 9, amount: '1' },
              { lineNo: 1, quantity: '1', amount: '1' },
              { lineNo: 1, amount: '0' },
              { lineNo: 2, quantity: 'x' },
            ],
          },
          redCtx(original),
        ),
      ),
    ).toEqual(['lines[0].lineNo', 'lines[1]', 'lines[2].lineNo', 'lines[2].amount', 'lines[3].quantity']);
    expect(validationFields(() => issueRedLetter(original, { ...full, reason: 'GOODS_RETURNED', scope: 'PARTIAL' }, redCtx(original)))).toEqual([
      'lines',
    ]);
  });
});
