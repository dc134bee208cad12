import { WorkingCalendar } from '@one-window/shared/calendar';
import { at, describeMachineExhaustively } from '../shared/machine-testing';
import { TransitionNotAllowedError } from '../shared/state-machine';
import { Deregistration, simplifiedExclusions, type EntityStanding } from './deregistration';
import { DEREGISTRATION_MACHINE } from './deregistration-machine';
import { NoticePeriodError, SimplifiedDeregistrationExcludedError } from './errors';

const calendar = WorkingCalendar.chinaMainland();
const clean: EntityStanding = { abnormalListed: false, underBankruptcy: false };
const simplified = (overrides: Partial<Parameters<typeof Deregistration.applySimplified>[0]> = {}) =>
  Deregistration.applySimplified({ id: 'd', uscc: 'U', standing: clean, allInvestorsCommitted: true, at: at('2026-03-02T10:00'), calendar, ...overrides });

describeMachineExhaustively(DEREGISTRATION_MACHINE);

describe('simplified deregistration', () => {
  it('publishes a 20-natural-day notice: ends at the end of day 20', () => {
    const { aggregate, events } = simplified();
    expect(aggregate.state.noticeEndsAt).toEqual(at('2026-03-23T00:00'));
    expect(events.map((e) => e.type)).toEqual(['registration.deregistration.requested', 'registration.deregistration.notice_published']);
    expect(events[1].data).toEqual({ uscc: 'U', route: 'SIMPLIFIED', noticeEndsOn: '2026-03-22' });
  });

  it('the notice period is configurable', () => {
    const policy = { noticeDays: 45, applyWindowDays: 20, systemApprovesSimplified: true };
    expect(simplified({ policy }).aggregate.state.noticeEndsAt).toEqual(at('2026-04-17T00:00'));
  });

  it('exclusions: abnormal list, bankruptcy, and investors not all committed', () => {
    expect(simplifiedExclusions({ abnormalListed: true, underBankruptcy: true })).toEqual(['ABNORMAL_LISTED', 'UNDER_BANKRUPTCY']);
    expect(() => simplified({ standing: { abnormalListed: true, underBankruptcy: false } })).toThrow(SimplifiedDeregistrationExcludedError);
    expect(() => simplified({ standing: { abnormalListed: false, underBankruptcy: true } })).toThrow(SimplifiedDeregistrationExcludedError);
    expect(() => simplified({ allInvestorsCommitted: false })).toThrow(SimplifiedDeregistrationExcludedError);
  });

  it('notice end: refused one minute before, accepted at the instant; then apply within 20 days', () => {
    const d = simplified().aggregate;
    expect(() => d.endNotice(at('2026-03-22T23:59'), calendar)).toThrow(NoticePeriodError);
    const ended = d.endNotice(at('2026-03-23T00:00'), calendar).aggregate;
    expect(ended.state).toMatchObject({ status: 'NOTICE_ENDED', applyBy: at('2026-04-12T00:00') });
    expect(() => ended.submit(at('2026-04-12T00:00'))).toThrow(NoticePeriodError);
    expect(() => ended.lapse(at('2026-04-11T23:59'))).toThrow(NoticePeriodError);
    expect(ended.lapse(at('2026-04-12T00:00')).aggregate.state.status).toBe('LAPSED');
    const review = ended.submit(at('2026-04-11T23:59')).aggregate;
    const approved = review.approve(at('2026-04-13T10:00'), 'system', calendar);
    expect(approved.events).toEqual([expect.objectContaining({ type: 'registration.company.deregistered', data: { uscc: 'U', route: 'SIMPLIFIED', effectiveOn: '2026-04-13' } })]);
  });

  it('an objection during the notice closes the route; the applicant may switch to ordinary', () => {
    const d = simplified().aggregate;
    const objected = d.object({ at: at('2026-03-22T23:59'), actor: 'creditor', reason: 'unpaid invoice' });
    expect(objected.aggregate.state.status).toBe('OBJECTED');
    expect(() => objected.aggregate.endNotice(at('2026-03-23T00:00'), calendar)).toThrow(TransitionNotAllowedError);
    expect(objected.aggregate.switchToOrdinary(at('2026-03-24T10:00')).aggregate.state).toMatchObject({ status: 'CLEARING', route: 'ORDINARY' });
  });
});

describe('ordinary and court routes', () => {
  it('ordinary waits for both clearances; tax by certificate, waiver or commitment', () => {
    let d = Deregistration.applyOrdinary({ id: 'd', uscc: 'U', at: at('2026-03-02T10:00') }).aggregate;
    expect(() => d.recordClearance('TAX', 'CLEARED', 'tax_service')).toThrow();
    d = d.recordClearance('TAX', 'COMMITMENT', 'tax_service').aggregate;
    expect(d.state.status).toBe('CLEARING');
    d = d.recordClearance('SOCIAL_INSURANCE', 'CLEARED', 'agency').aggregate;
    expect(d.state.status).toBe('UNDER_REVIEW');
    expect(() => d.approve(at('2026-03-10T10:00'), 'system', calendar)).toThrow();
    expect(d.approve(at('2026-03-10T10:00'), 'officer', calendar).events[0].data).toMatchObject({ route: 'ORDINARY' });
  });

  it('court route starts review from the ruling and carries it to the event', () => {
    const d = Deregistration.fromCourtRuling({ id: 'd', uscc: 'U', courtRulingRef: '(2026)粤01破1号', at: at('2026-03-02T10:00') }).aggregate;
    expect(d.state.status).toBe('UNDER_REVIEW');
    expect(d.approve(at('2026-03-03T10:00'), 'officer', calendar).events[0].data).toMatchObject({ route: 'COURT', courtRulingRef: '(2026)粤01破1号' });
  });
});
