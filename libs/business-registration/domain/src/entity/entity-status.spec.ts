import { at, describeMachineExhaustively } from '../shared/machine-testing';
import { TransitionNotAllowedError } from '../shared/state-machine';
import { entityStatusMachine, ENTITY_STATUS_MACHINE, MarketEntity } from './entity-status';

describeMachineExhaustively(ENTITY_STATUS_MACHINE);
describeMachineExhaustively(entityStatusMachine({ strikeOffPilot: true }));

describe('MarketEntity', () => {
  const now = at('2026-03-02T10:00');

  it('ACTIVE ⇄ DORMANT with events; revoked then deregistered', () => {
    const e = MarketEntity.registered('U');
    const dormant = e.apply({ trigger: 'start_dormancy', actor: 'applicant', effectiveOn: '2026-03-02', at: now });
    expect(dormant.aggregate.state).toMatchObject({ status: 'DORMANT', dormantSince: '2026-03-02' });
    expect(dormant.events[0].type).toBe('registration.company.dormancy_started');
    const active = dormant.aggregate.apply({ trigger: 'end_dormancy', actor: 'applicant', effectiveOn: '2026-06-01', at: now });
    expect(active.aggregate.state.status).toBe('ACTIVE');
    const revoked = active.aggregate.apply({ trigger: 'revoke', actor: 'officer', effectiveOn: '2026-07-01', at: now, reasonCode: 'FORCED_EXIT' });
    expect(revoked.events[0]).toMatchObject({ type: 'registration.company.revoked', data: { reasonCode: 'FORCED_EXIT' } });
    expect(revoked.aggregate.apply({ trigger: 'deregister', actor: 'system', effectiveOn: '2026-09-01', at: now }).aggregate.state.status).toBe('DEREGISTERED');
  });

  it('a dormant entity cannot be deregistered directly; strike-off only in the pilot', () => {
    const dormant = MarketEntity.registered('U').apply({ trigger: 'start_dormancy', actor: 'applicant', effectiveOn: '2026-03-02', at: now }).aggregate;
    expect(() => dormant.apply({ trigger: 'deregister', actor: 'system', effectiveOn: '2026-03-03', at: now })).toThrow(TransitionNotAllowedError);
    expect(() => MarketEntity.registered('U').apply({ trigger: 'strike_off', actor: 'officer', effectiveOn: 'x', at: now })).toThrow(TransitionNotAllowedError);
    const pilot = MarketEntity.registered('U', entityStatusMachine({ strikeOffPilot: true }));
    expect(pilot.apply({ trigger: 'strike_off', actor: 'officer', effectiveOn: '2026-03-02', at: now }).aggregate.state.status).toBe('STRUCK_OFF');
    expect(MarketEntity.registered('U').withFlags({ abnormalListed: true }).state.flags).toEqual({ abnormalListed: true, underBankruptcy: false, underDeregistration: false });
  });
});
