import { EventCatalogue } from '@one-window/shared/messaging';
import { INVOICING_EVENTS, InvoiceIssued, InvoiceReversed, TAX_EVENTS, TAX_TOPIC, UKeyDispatched } from '.';

describe('tax invoicing event contracts (tax.md §5, §14)', () => {
  const catalogue = new EventCatalogue(TAX_EVENTS);

  it('publishes the invoice and UKey events under the domain names, version 1, on tax.events', () => {
    expect(INVOICING_EVENTS.map((e) => e.name)).toEqual(['tax.invoice.issued', 'tax.invoice.delivered', 'tax.invoice.reversed', 'tax.ukey.dispatched', 'tax.ukey.activated']);
    expect(INVOICING_EVENTS.every((e) => e.version === 1 && e.topic === TAX_TOPIC)).toBe(true);
    for (const e of INVOICING_EVENTS) expect(TAX_EVENTS).toContain(e);
  });

  it('every example validates against its own schema', () => {
    for (const e of INVOICING_EVENTS) expect(catalogue.validate(e.type, e.example)).toEqual([]);
  });

  it('a credit note carries negative amounts; malformed numbers and hashes are named', () => {
    expect(catalogue.validate(InvoiceReversed.type, InvoiceReversed.example)).toEqual([]);
    expect(catalogue.validate(InvoiceIssued.type, { ...InvoiceIssued.example, invoiceNo: '123', hash: 'xyz' })).toEqual([
      expect.stringMatching(/^\/invoiceNo must match pattern/),
      expect.stringMatching(/^\/hash must match pattern/),
    ]);
    expect(catalogue.validate(UKeyDispatched.type, { ...UKeyDispatched.example, trackingNo: 'a b' })).toEqual([expect.stringMatching(/^\/trackingNo must match pattern/)]);
  });
});
