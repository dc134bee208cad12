import { describeMachineExhaustively } from '@one-window/shared/state-machine/testing';
import { TAX_ACTORS } from '../shared/actors';
import { TAXPAYER_MACHINE } from './taxpayer-machine';
import { OverdueReturnsOpenError, Taxpayer, taxBureauOf, type CompanyRegisteredFacts } from './taxpayer';

describeMachineExhaustively(TAXPAYER_MACHINE, TAX_ACTORS);

const at = new Date('2026-11-23T02:00:00Z');
const facts: CompanyRegisteredFacts = {
  uscc: '91440104MA00001B3B',
  entityType: 'LLC',
  establishedOn: '2026-11-23',
  ownerId: 'user-1',
  name: '广州市越秀区示例科技有限公司',
  domicile: { standardAddressId: 'GZ-ADDR-0001', divisionCode: '440104', text: '广州市越秀区示例路1号' },
  capital: { amount: '1000000.00', currency: 'CNY' },
  scope: [{ code: 'I6513' }],
  legalRepRef: 'person-1',
};

describe('Taxpayer', () => {
  it('is registered from the company registration, with invoicing enabled in the same step (R4.1, R4.3)', () => {
    const { aggregate, events } = Taxpayer.register(facts, 'evt-1', at);
    expect(aggregate.state).toMatchObject({
      id: facts.uscc,
      kind: 'ENTERPRISE',
      status: 'ACTIVE',
      taxBureau: 'TAX-440104',
      ownerId: 'user-1',
      vatStatus: 'SMALL_SCALE',
      creditGrade: 'M',
      riskLevel: 'low',
      sourceEventId: 'evt-1',
    });
    expect(events.map((e) => e.type)).toEqual(['tax.taxpayer.registered', 'tax.invoicing.enabled']);
    expect(events.every((e) => e.aggregateId === facts.uscc)).toBe(true);
  });

  it('registers an individual business as such (R4.5)', () => {
    expect(Taxpayer.register({ ...facts, entityType: 'INDIVIDUAL_BUSINESS' }, 'evt-1', at).aggregate.state.kind).toBe('INDIVIDUAL_BUSINESS');
  });

  it('applies a change of synced fields without the taxpayer reporting, once (R4.4)', () => {
    const registered = Taxpayer.register(facts, 'evt-1', at).aggregate;
    const change = {
      changeId: 'chg-1',
      sourceEventId: 'evt-2',
      changes: [
        { field: 'capital', after: { amount: '2000000.00', currency: 'CNY' } },
        { field: 'domicile', after: { standardAddressId: 'GZ-ADDR-0002', divisionCode: '440106', text: '广州市天河区示例路2号' } },
        { field: 'officers', after: [] },
        { field: 'legalRep', after: { personRef: 'person-2' } },
      ],
    };
    const { aggregate, events } = registered.applyChange(change, at);
    expect(aggregate.state.facts.capital.amount).toBe('2000000.00');
    expect(aggregate.state.facts.legalRepRef).toBe('person-2');
    expect(aggregate.state.taxBureau).toBe('TAX-440106');
    expect(aggregate.state.status).toBe('ACTIVE');
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ fieldsChanged: ['capital', 'domicile', 'legalRep'], changeId: 'chg-1' });
    expect(aggregate.state.changes[0].before).toMatchObject({ capital: facts.capital, legalRepRef: 'person-1' });

    const again = aggregate.applyChange(change, at);
    expect(again.events).toEqual([]);
    expect(again.aggregate).toBe(aggregate);
    // officers only: nothing tax keeps
    expect(aggregate.applyChange({ changeId: 'chg-2', sourceEventId: 'evt-3', changes: [{ field: 'officers', after: [] }] }, at).events).toEqual([]);
  });

  it('keeps the abnormal status through a change, and the risk officer alone designates and lifts it', () => {
    const registered = Taxpayer.register(facts, 'evt-1', at).aggregate;
    expect(() => registered.designateAbnormal('officer_service', 'no returns', at)).toThrow(expect.objectContaining({ code: 'tax.transition.actor_not_allowed' }));
    expect(() => registered.designateAbnormal('officer_risk', ' ', at)).toThrow(expect.objectContaining({ code: 'tax.invalid_argument' }));
    const abnormal = registered.designateAbnormal('officer_risk', 'no returns for 3 periods', at).aggregate;
    expect(abnormal.state).toMatchObject({ status: 'ABNORMAL', flags: { abnormal: true } });
    const changed = abnormal.applyChange({ changeId: 'c', sourceEventId: 'e', changes: [{ field: 'name', after: '广州市越秀区新名科技有限公司' }] }, at).aggregate;
    expect(changed.state.status).toBe('ABNORMAL');
    expect(() => changed.liftAbnormal('officer_risk', at, ['26Q1-VAT'])).toThrow(OverdueReturnsOpenError);
    expect(changed.liftAbnormal('officer_risk', at, []).aggregate.state).toMatchObject({ status: 'ACTIVE', flags: { abnormal: false } });
  });

  it('refuses malformed change values and division codes with coded errors', () => {
    const registered = Taxpayer.register(facts, 'evt-1', at).aggregate;
    expect(() => registered.applyChange({ changeId: 'c', sourceEventId: 'e', changes: [{ field: 'name', after: '' }] }, at)).toThrow(
      expect.objectContaining({ code: 'tax.invalid_argument' }),
    );
    expect(() => taxBureauOf('4401')).toThrow(expect.objectContaining({ code: 'tax.invalid_argument' }));
  });

  it('goes through clearance to deregistration (§4), each step once', () => {
    const active = Taxpayer.register(facts, 'evt-1', at).aggregate;
    // a simplified deregistration needs no clearance: the active taxpayer closes directly
    expect(active.deregister(at).aggregate.state.status).toBe('DEREGISTERED');
    expect(() => active.startClearance('applicant').deregister(at)).toThrow(expect.objectContaining({ code: 'tax.transition.not_allowed' }));
    const clearing = active.startClearance('applicant');
    expect(clearing.state.status).toBe('CLEARING');
    expect(clearing.startClearance('system')).toBe(clearing);
    expect(() => clearing.completeClearance('applicant')).toThrow(expect.objectContaining({ code: 'tax.transition.actor_not_allowed' }));
    const cleared = clearing.completeClearance('system');
    expect(cleared.state.status).toBe('CLEARED');
    const { aggregate, events } = cleared.deregister(at);
    expect(aggregate.state.status).toBe('DEREGISTERED');
    expect(events.map((e) => e.type)).toEqual(['tax.taxpayer.deregistered']);
    expect(aggregate.deregister(at).events).toEqual([]);
  });

  it('is flagged in bankruptcy once a case is accepted (§11): status and everything else unchanged, a repeat changes nothing', () => {
    const active = Taxpayer.register(facts, 'evt-1', at).aggregate;
    const flagged = active.flagInBankruptcy();
    expect(flagged.state.flags).toEqual({ inBankruptcy: true, abnormal: false });
    expect(flagged.state.status).toBe('ACTIVE');
    expect(active.state.flags.inBankruptcy).toBe(false);
    expect(flagged.flagInBankruptcy()).toBe(flagged);
    const gone = active.deregister(at).aggregate;
    expect(() => gone.flagInBankruptcy()).toThrow(expect.objectContaining({ code: 'tax.invalid_argument' }));
  });

  it('takes the grade of a published re-rating (R8.7)', () => {
    const active = Taxpayer.register(facts, 'evt-1', at).aggregate;
    expect(active.applyCreditGrade('B').state.creditGrade).toBe('B');
    expect(active.state.creditGrade).toBe('M');
    expect(active.applyCreditGrade('M')).toBe(active);
  });
});
