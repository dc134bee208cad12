import { WorkingCalendar } from '@one-window/shared/calendar';
import { NotYetDueError } from '../shared/errors';
import { at, catchError, describeMachineExhaustively } from '../shared/machine-testing';
import { TransitionNotAllowedError } from '../shared/state-machine';
import {
  CommitmentNotSignedError,
  NameBlockedError,
  NameWarningsNotAcknowledgedError,
  ReservationHeldError,
  ReservationNotOwnedError,
} from './errors';
import { checkName, NAME_REASONS } from './name-check';
import { DEFAULT_NAME_RULES } from './name-rules';
import { NAME_RESERVATION_MACHINE, NameReservation, type ReserveName } from './reservation';

const calendar = WorkingCalendar.chinaMainland();
const check = (name: string) => checkName({ name, entityType: 'LLC', authorityCode: 'GZ-AMR' }, DEFAULT_NAME_RULES);
const cmd = (overrides: Partial<ReserveName> = {}): ReserveName => ({
  id: 'res-1',
  applicantId: 'u-1',
  authorityCode: 'GZ-AMR',
  entityType: 'LLC',
  check: check('广州星河科技有限公司'),
  commitmentSigned: true,
  at: at('2026-03-15T10:00'),
  calendar,
  ...overrides,
});

describeMachineExhaustively(NAME_RESERVATION_MACHINE);

describe('NameReservation', () => {
  it('reserves a PASS name and publishes name.reserved with the parts and expiry', () => {
    const { aggregate, events } = NameReservation.reserve(cmd());
    expect(aggregate.state).toMatchObject({ status: 'RESERVED', parts: { division: '广州', tradeName: '星河', industryWord: '科技', organisationForm: '有限公司' } });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'registration.name.reserved',
        aggregateId: 'res-1',
        data: expect.objectContaining({ reservationId: 'res-1', expiresAt: at('2026-05-16T00:00').toISOString() }),
      }),
    ]);
  });

  it('refuses a BLOCK name, unacknowledged warnings and an unsigned commitment', () => {
    expect(() => NameReservation.reserve(cmd({ check: check('广州博彩科技有限公司') }))).toThrow(NameBlockedError);
    const warn = check('广州星河国际贸易有限公司');
    expect(catchError(() => NameReservation.reserve(cmd({ check: warn })))).toMatchObject({
      code: 'registration.name.warnings_not_acknowledged',
      details: { missing: [NAME_REASONS.SENSITIVE] },
    });
    expect(NameReservation.reserve(cmd({ check: warn, acknowledgedWarnings: [NAME_REASONS.SENSITIVE] })).aggregate.state.checkLevel).toBe('WARN');
    expect(() => NameReservation.reserve(cmd({ check: warn, acknowledgedWarnings: ['other'] }))).toThrow(NameWarningsNotAcknowledgedError);
    expect(() => NameReservation.reserve(cmd({ commitmentSigned: false }))).toThrow(CommitmentNotSignedError);
  });

  it('expires after 2 natural months: valid to the end of the corresponding day', () => {
    const r = NameReservation.reserve(cmd()).aggregate;
    expect(r.isValidAt(at('2026-05-15T23:59:59.999'))).toBe(true);
    expect(r.isValidAt(at('2026-05-16T00:00'))).toBe(false);
    expect(catchError(() => r.expire(at('2026-05-15T23:59:59.999')))).toBeInstanceOf(NotYetDueError);
    const expired = r.expire(at('2026-05-16T00:00'));
    expect(expired.aggregate.state.status).toBe('EXPIRED');
    expect(expired.events.map((e) => e.type)).toEqual(['registration.name.expired']);
  });

  it('a month without the corresponding day ends on its last day; 1 year with a pre-approval', () => {
    expect(NameReservation.reserve(cmd({ at: at('2026-12-31T09:00') })).aggregate.state.expiresAt).toEqual(at('2027-03-01T00:00'));
    expect(NameReservation.reserve(cmd({ withPreApproval: true })).aggregate.state.expiresAt).toEqual(at('2027-03-16T00:00'));
    expect(NameReservation.reserve(cmd({ policy: { months: 3, preApprovalMonths: 12 } })).aggregate.state.expiresAt).toEqual(at('2026-06-16T00:00'));
  });

  it('is held while an application citing it is undecided, then may expire', () => {
    const held = NameReservation.reserve(cmd()).aggregate.hold('app-1', 'u-1', at('2026-04-01T10:00'));
    expect(held.isValidAt(at('2026-06-01T00:00'))).toBe(true);
    expect(() => held.expire(at('2026-06-01T00:00'))).toThrow(ReservationHeldError);
    expect(() => held.withdraw('u-1', at('2026-04-02T10:00'))).toThrow(ReservationHeldError);
    expect(held.releaseHold('app-1').expire(at('2026-06-01T00:00')).aggregate.state.status).toBe('EXPIRED');
  });

  it('is consumed only by the reserving applicant’s application, once', () => {
    const r = NameReservation.reserve(cmd()).aggregate.hold('app-1', 'u-1', at('2026-04-01T10:00'));
    expect(() => r.consume('app-1', 'u-2', at('2026-04-02T10:00'))).toThrow(ReservationNotOwnedError);
    expect(() => r.consume('app-9', 'u-1', at('2026-04-02T10:00'))).toThrow(ReservationHeldError);
    const consumed = r.consume('app-1', 'u-1', at('2026-04-02T10:00')).aggregate;
    expect(consumed.state).toMatchObject({ status: 'CONSUMED', consumedBy: 'app-1' });
    expect(consumed.state.heldBy).toBeUndefined();
    expect(() => consumed.expire(at('2026-06-01T00:00'))).toThrow(TransitionNotAllowedError);
  });

  it('withdraw releases it', () => {
    const { aggregate, events } = NameReservation.reserve(cmd()).aggregate.withdraw('u-1', at('2026-03-16T10:00'));
    expect(aggregate.state.status).toBe('RELEASED');
    expect(events.map((e) => e.type)).toEqual(['registration.name.released']);
    expect(() => NameReservation.reserve(cmd()).aggregate.withdraw('u-2', at('2026-03-16T10:00'))).toThrow(ReservationNotOwnedError);
  });
});
