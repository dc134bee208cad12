import { EventCatalogue } from '@one-window/shared/messaging';
import { ClearanceIssued, CREDIT_EVENTS, RefundBlocked, RiskDetected } from '.';

describe('tax credit, refund and clearance event contracts', () => {
  const catalogue = new EventCatalogue(CREDIT_EVENTS);

  it('are named tax.<aggregate>.<verb> v1 on tax.events, and every example validates', () => {
    for (const e of CREDIT_EVENTS) {
      expect(e.type).toMatch(/^tax\.[a-z_]+\.[a-z_]+\.v1$/);
      expect(e.topic).toBe('tax.events');
      expect(catalogue.validate(e.type, e.example)).toEqual([]);
    }
  });

  it('names what is wrong', () => {
    expect(catalogue.validate(RiskDetected.type, { ...RiskDetected.example, listHits: [{ list: 'GOSSIP', origin: 'x', date: '2026-01-01' }] })).toEqual([
      expect.stringMatching(/^\/listHits\/0\/list must be equal to one of the allowed values/),
    ]);
    const { certificateNo: _omit, ...noCertificate } = ClearanceIssued.example;
    expect(catalogue.validate(ClearanceIssued.type, noCertificate)).toEqual(["/ must have required property 'certificateNo'"]);
    expect(catalogue.validate(RefundBlocked.type, { ...RefundBlocked.example, amount: { amount: '-1', currency: 'CNY' } })).toEqual([
      expect.stringMatching(/^\/amount\/amount must match pattern/),
    ]);
  });
});
