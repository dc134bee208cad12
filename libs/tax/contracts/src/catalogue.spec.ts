import { EventCatalogue } from '@one-window/shared/messaging';
import { DisputeClosed, TAX_EVENTS, TAX_TOPIC, TaxpayerAbnormalDesignated, TaxpayerAbnormalLifted, TaxpayerRegistered, TaxpayerUpdated } from '.';

describe('tax event contracts', () => {
  const catalogue = new EventCatalogue(TAX_EVENTS);

  it('names, versions and topics follow the catalogue rules', () => {
    const types = TAX_EVENTS.map((e) => e.type);
    expect(types.slice(0, 3)).toEqual(['tax.taxpayer.registered.v1', 'tax.invoicing.enabled.v1', 'tax.taxpayer.updated.v1']);
    expect(new Set(types).size).toBe(types.length);
    expect(new Set(TAX_EVENTS.map((e) => e.topic))).toEqual(new Set([TAX_TOPIC]));
  });

  it('every example validates against its own schema', () => {
    for (const e of TAX_EVENTS) expect(catalogue.validate(e.type, e.example)).toEqual([]);
  });

  it('names what is wrong: a bad taxpayer id, an unknown synced field', () => {
    expect(catalogue.validate(TaxpayerRegistered.type, { ...TaxpayerRegistered.example, taxpayerId: '123' })).toEqual([
      expect.stringMatching(/^\/taxpayerId must match pattern/),
    ]);
    expect(catalogue.validate(TaxpayerUpdated.type, { ...TaxpayerUpdated.example, fieldsChanged: ['officers'] })).toEqual([
      expect.stringMatching(/^\/fieldsChanged\/0 must be equal to one of the allowed values/),
    ]);
  });

  it('the abnormal-account events (非正常户, §4): a designation names its reason', () => {
    expect(TAX_EVENTS.map((e) => e.type)).toEqual(expect.arrayContaining(['tax.taxpayer.abnormal_designated.v1', 'tax.taxpayer.abnormal_lifted.v1']));
    expect(catalogue.validate(TaxpayerAbnormalDesignated.type, { taxpayerId: TaxpayerAbnormalDesignated.example.taxpayerId })).toEqual(["/ must have required property 'reason'"]);
    expect(catalogue.validate(TaxpayerAbnormalLifted.type, { taxpayerId: 'x' })).toEqual([expect.stringMatching(/^\/taxpayerId must match pattern/)]);
  });

  it('the dispute events (§13): a closing without settlement names its outcome from a closed list', () => {
    expect(TAX_EVENTS.map((e) => e.type)).toEqual(expect.arrayContaining(['tax.dispute.opened.v1', 'tax.dispute.settled.v1', 'tax.dispute.closed.v1']));
    expect(catalogue.validate(DisputeClosed.type, { ...DisputeClosed.example, outcome: 'SETTLED' })).toEqual([expect.stringMatching(/^\/outcome must be equal to one of the allowed values/)]);
    expect(catalogue.validate(DisputeClosed.type, { disputeId: 'd', taxpayerId: DisputeClosed.example.taxpayerId, outcome: 'WITHDRAWN' })).toEqual([]);
  });
});
