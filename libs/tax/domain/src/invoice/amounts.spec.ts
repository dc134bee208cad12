import fc from 'fast-check';
import {
  compareInvoiceDecimals,
  computeInvoiceLineFen,
  fenToInvoiceAmount,
  INVOICE_VAT_RATES,
  invoiceAmountFen,
  invoiceLineAmountFen,
  invoiceLineTaxFen,
  isInvoiceDecimal,
  isInvoiceVatRate,
  parseInvoiceDecimal,
} from './amounts';
import { decimalArb } from './test-fixtures';

describe('invoice amounts', () => {
  it('the allowed VAT rates are data: 0, 1, 3, 5, 6, 9, 13 %', () => {
    expect(INVOICE_VAT_RATES).toEqual([0, 1, 3, 5, 6, 9, 13]);
    expect(isInvoiceVatRate(13)).toBe(true);
    expect(isInvoiceVatRate(17)).toBe(false);
    expect(isInvoiceVatRate('13')).toBe(false);
  });

  it('parses decimals exactly and refuses malformed ones', () => {
    expect(parseInvoiceDecimal('12.345')).toEqual({ units: 12345n, scale: 3 });
    expect(parseInvoiceDecimal('7')).toEqual({ units: 7n, scale: 0 });
    for (const bad of ['', '-1', '1.', '.5', '1e3', '1,5', '0.123456789', ' 1']) expect(isInvoiceDecimal(bad)).toBe(false);
    expect(() => parseInvoiceDecimal('x')).toThrow(RangeError);
    expect(compareInvoiceDecimals('1.50', '1.5')).toBe(0);
    expect(compareInvoiceDecimals('1.499', '1.5')).toBe(-1);
    expect(compareInvoiceDecimals('2', '1.99999999')).toBe(1);
  });

  it.each([
    // quantity, unit price, amount in fen: half up at the fen
    ['1', '0.005', 1n], // 0.5 fen → 1
    ['1', '0.00499999', 0n], // 0.499999 fen → 0
    ['1', '0.015', 2n], // 1.5 fen → 2 (half up, not banker's)
    ['3', '33.333', 10_000n], // 99.999 yuan = 9999.9 fen → 100.00
    ['2.5', '0.01', 3n], // 2.5 fen → 3
    ['0.00000001', '0.00000001', 0n],
  ])('line amount %s × %s = %s fen', (quantity, unitPrice, expected) => {
    expect(invoiceLineAmountFen(quantity, unitPrice)).toBe(expected);
  });

  it('line tax rounds half up at the fen, negative amounts mirror positive ones', () => {
    expect(invoiceLineTaxFen(50n, 1)).toBe(1n); // 0.50 × 1% = 0.5 fen → 1
    expect(invoiceLineTaxFen(49n, 1)).toBe(0n); // 0.49 fen → 0
    expect(invoiceLineTaxFen(1_000_000n, 6)).toBe(60_000n);
    expect(invoiceLineTaxFen(1_000_050n, 13)).toBe(130_007n); // 130006.5 → 130007
    expect(invoiceLineTaxFen(-1_000_050n, 13)).toBe(-130_007n);
    expect(invoiceLineTaxFen(12_345n, 0)).toBe(0n);
  });

  it('signed amounts as written on invoices', () => {
    expect(invoiceAmountFen('-12.34')).toBe(-1234n);
    expect(invoiceAmountFen('0.01')).toBe(1n);
    expect(() => invoiceAmountFen('1.2')).toThrow(RangeError);
    expect(fenToInvoiceAmount(-5n)).toBe('-0.05');
  });

  it('property: amount and tax are never negative for non-negative inputs, and within half a fen of exact', () => {
    fc.assert(
      fc.property(decimalArb(), decimalArb(), fc.constantFrom(...INVOICE_VAT_RATES), (quantity, unitPrice, rate) => {
        const { amountFen, taxFen } = computeInvoiceLineFen({
          quantity,
          unitPrice,
          rate,
        });
        const q = parseInvoiceDecimal(quantity);
        const p = parseInvoiceDecimal(unitPrice);
        const exactScaled = q.units * p.units * 100n; // fen × 10^(scales)
        const den = 10n ** BigInt(q.scale + p.scale);
        const err = amountFen * den - exactScaled; // in fen × den
        return amountFen >= 0n && taxFen >= 0n && 2n * err <= den && -2n * err < den && taxFen <= amountFen;
      }),
    );
  });
});
