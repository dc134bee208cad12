import { catchError } from '@one-window/shared/state-machine/testing';
import { InvoiceValidationError } from './errors';
import { issueInvoice, issueRedLetter } from './invoice';
import { invoiceChainHeadAfter } from './hash-chain';
import { verifyInvoice } from './verification';
import { at, context, ordinaryInput, SELLER_ID } from './test-fixtures';

const invoice = issueInvoice(ordinaryInput(), context()).aggregate;
const { invoiceNo, checkCode } = invoice.document;

describe('verifyInvoice (查验, §5.1 L97)', () => {
  it('VALID with the check code or the total incl. tax, and the date of issue', () => {
    const byCode = verifyInvoice(invoice, {
      invoiceNo,
      issuedOn: '2026-03-02',
      checkCode,
    });
    expect(byCode).toEqual({
      outcome: 'VALID',
      invoiceNo,
      kind: 'DIGITAL_ORDINARY',
      status: 'ISSUED',
      sellerName: '广州示例科技有限公司',
      buyerName: '广州采购贸易有限公司',
      amount: '10100.00',
      tax: '613.00',
      total: '10713.00',
      issuedOn: '2026-03-02',
      originalInvoiceNo: null,
      reversedBy: null,
    });
    expect(
      verifyInvoice(invoice, {
        invoiceNo,
        issuedOn: '2026-03-02',
        amount: '10713.00',
      }).outcome,
    ).toBe('VALID');
    expect(
      verifyInvoice(invoice, {
        invoiceNo,
        issuedOn: '2026-03-02',
        amount: '10713.00',
        checkCode,
      }).outcome,
    ).toBe('VALID');
  });

  it('MISMATCH names the differing fields and discloses nothing else', () => {
    const wrongCode = checkCode.slice(0, 19) + String((Number(checkCode[19]) + 1) % 10);
    expect(
      verifyInvoice(invoice, {
        invoiceNo,
        issuedOn: '2026-03-02',
        checkCode: wrongCode,
      }),
    ).toEqual({ outcome: 'MISMATCH', invoiceNo, mismatched: ['checkCode'] });
    expect(
      verifyInvoice(invoice, {
        invoiceNo,
        issuedOn: '2026-03-03',
        amount: '10100.00',
      }),
    ).toEqual({
      outcome: 'MISMATCH',
      invoiceNo,
      mismatched: ['amount', 'issuedOn'],
    });
  });

  it('NOT_FOUND for an unknown number', () => {
    expect(
      verifyInvoice(undefined, {
        invoiceNo: '26440000000000000001',
        issuedOn: '2026-03-02',
        checkCode,
      }),
    ).toEqual({
      outcome: 'NOT_FOUND',
      invoiceNo: '26440000000000000001',
    });
    expect(
      verifyInvoice(invoice, {
        invoiceNo: '26441000000000000002',
        issuedOn: '2026-03-02',
        checkCode,
      }).outcome,
    ).toBe('NOT_FOUND');
  });

  it('a reversed invoice stays verifiable and says so; a credit note verifies with its negative total', () => {
    const delivered = invoice.deliver({
      at: at('2026-03-02T10:00:20'),
    }).aggregate;
    const red = issueRedLetter(
      delivered,
      {
        issuerId: SELLER_ID,
        reason: 'ISSUED_IN_ERROR',
        scope: 'FULL',
        buyerHasUsed: false,
      },
      context({
        at: at('2026-03-05T09:00'),
        serial: 2,
        chainHead: invoiceChainHeadAfter(invoice.document),
      }),
    );
    expect(
      verifyInvoice(red.original, {
        invoiceNo,
        issuedOn: '2026-03-02',
        checkCode,
      }),
    ).toMatchObject({
      outcome: 'VALID',
      status: 'REVERSED',
      reversedBy: red.creditNote.invoiceNo,
    });
    expect(
      verifyInvoice(red.creditNote, {
        invoiceNo: red.creditNote.invoiceNo,
        issuedOn: '2026-03-05',
        amount: '-10713.00',
      }),
    ).toMatchObject({
      outcome: 'VALID',
      originalInvoiceNo: invoiceNo,
    });
  });

  it('a malformed query names its bad fields', () => {
    const error = catchError(() => verifyInvoice(invoice, { invoiceNo: '123', issuedOn: '2 March' })) as InvoiceValidationError;
    expect(error).toBeInstanceOf(InvoiceValidationError);
    expect(error.issues.map((i) => i.field)).toEqual(['invoiceNo', 'issuedOn', 'checkCode']);
    const bad = catchError(() =>
      verifyInvoice(invoice, {
        invoiceNo,
        issuedOn: '2026-03-02',
        checkCode: 'abc',
        amount: '1.5',
      }),
    ) as InvoiceValidationError;
    expect(bad.issues.map((i) => i.field)).toEqual(['checkCode', 'amount']);
  });
});
