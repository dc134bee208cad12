import { WorkingCalendar } from '@one-window/shared/calendar';
import { NotApplicationOwnerError, ReasonRequiredError, ReviewExtensionRefusedError, SupplementPeriodOverError } from '../application/errors';
import { InvalidArgumentError, NotYetDueError } from '../shared/errors';
import { at, catchError, describeMachineExhaustively } from '../shared/machine-testing';
import { REFUSAL_REMEDIES } from '../shared/review-clock';
import { TransitionNotAllowedError } from '../shared/state-machine';
import { CHANGE_REQUEST_MACHINE } from './change-request-machine';
import { ChangeRequest, CHANGE_REVIEW_RULE_SET, type ChangeRequestState } from './change-request-review';

const calendar = WorkingCalendar.chinaMainland();
const items = [
  { code: 'MISSING', description: 'The shareholders’ resolution is not signed', materialRef: 'resolution.documentRef' },
  { code: 'LATE_REASON', description: 'Explain why the change is filed late', materialRef: 'lateFilingStatement' },
];

function queued(filedAt: Date) {
  return ChangeRequest.queue({
    id: 'cr-1',
    uscc: '91440104MA0000001X',
    authorityCode: 'GZ-YX-AMR',
    ownerId: 'u-1',
    change: { capital: '3000000.00' },
    failedChecks: ['FILED_LATE'],
    filedOn: calendar.localDateOf(filedAt).toString(),
    at: filedAt,
    calendar,
  });
}

const pending = (filedAt = at('2026-03-02T10:00')) => queued(filedAt).aggregate;

describeMachineExhaustively(CHANGE_REQUEST_MACHINE);

describe('ChangeRequest: queued for an officer with the review clock (§3.2, §10.2)', () => {
  it('queues PENDING_REVIEW, due at the end of the 3rd working day, and publishes application.submitted (kind CHANGE, OFFICER, dueAt)', () => {
    const { aggregate, events } = queued(at('2026-03-02T10:00'));
    expect(aggregate.state).toMatchObject({ status: 'PENDING_REVIEW', failedChecks: ['FILED_LATE'], filedOn: '2026-03-02' });
    expect(aggregate.state.history).toEqual([expect.objectContaining({ trigger: 'route_to_officer', from: null, to: 'PENDING_REVIEW', actor: 'system' })]);
    expect(aggregate.reviewDeadline(calendar)?.dueAt).toEqual(at('2026-03-06T00:00'));
    expect(events).toEqual([
      expect.objectContaining({
        type: 'registration.application.submitted',
        aggregateId: 'cr-1',
        data: {
          applicationId: 'cr-1',
          kind: 'CHANGE',
          route: 'OFFICER',
          ruleSetVersion: CHANGE_REVIEW_RULE_SET,
          failedChecks: ['FILED_LATE'],
          dueAt: at('2026-03-06T00:00').toISOString(),
        },
      }),
    ]);
  });

  it('filed the day before the 2026 National Day holiday: due at the end of Sat 10 Oct (a swapped working day); the last minute is not overdue, the next is', () => {
    const request = pending(at('2026-09-30T16:00'));
    const dueAt = at('2026-10-11T00:00');
    expect(request.reviewDeadline(calendar)?.dueAt).toEqual(dueAt);
    expect(request.markOverdue(at('2026-10-10T23:59'), calendar).events).toEqual([]);
    const overdue = request.markOverdue(at('2026-10-11T00:00'), calendar);
    expect(overdue.events).toEqual([
      expect.objectContaining({ type: 'registration.application.overdue', data: { applicationId: 'cr-1', kind: 'CHANGE', dueAt: dueAt.toISOString() } }),
    ]);
    expect(overdue.aggregate.state.status).toBe('PENDING_REVIEW');
    // once only
    expect(overdue.aggregate.markOverdue(at('2026-10-12T09:00'), calendar).events).toEqual([]);
  });

  it('a supplement notice lists every item and stops the clock; the one resubmission resumes it (due moves by the stopped working days)', () => {
    const requested = pending().requestSupplement({ at: at('2026-03-03T10:00'), officerId: 'o-1', items, calendar });
    expect(requested.aggregate.state.status).toBe('SUPPLEMENT_REQUESTED');
    expect(requested.events).toEqual([
      expect.objectContaining({
        type: 'registration.application.supplement_requested',
        data: { applicationId: 'cr-1', kind: 'CHANGE', round: 1, missingItems: items, respondBy: at('2026-04-03T00:00').toISOString() },
      }),
    ]);
    expect(requested.aggregate.reviewDeadline(calendar)?.isSuspended).toBe(true);
    expect(requested.aggregate.isReviewClockRunning(calendar)).toBe(false);
    // The clock stands still: no overdue while the applicant answers, however long.
    expect(requested.aggregate.markOverdue(at('2026-03-20T10:00'), calendar).events).toEqual([]);

    const resubmitted = requested.aggregate.resubmit({ at: at('2026-03-09T10:00'), applicantId: 'u-1', newMaterial: ['resolution.documentRef'], calendar });
    expect(resubmitted.aggregate.state.status).toBe('RESUBMITTED');
    expect(resubmitted.aggregate.reviewDeadline(calendar)?.dueAt).toEqual(at('2026-03-12T00:00'));
    expect(resubmitted.events[0]).toMatchObject({ type: 'registration.application.resubmitted', data: { applicationId: 'cr-1', kind: 'CHANGE', dueAt: at('2026-03-12T00:00').toISOString() } });
    expect(resubmitted.aggregate.isReviewClockRunning(calendar)).toBe(true);
    expect(resubmitted.aggregate.markOverdue(at('2026-03-11T23:59'), calendar).events).toEqual([]);
    expect(resubmitted.aggregate.markOverdue(at('2026-03-12T00:00'), calendar).events).toHaveLength(1);

    // One notice, one answer: the table refuses a second of either, naming the state and the trigger.
    const second = catchError(() => resubmitted.aggregate.requestSupplement({ at: at('2026-03-10T10:00'), officerId: 'o-1', items, calendar }));
    expect(second).toBeInstanceOf(TransitionNotAllowedError);
    expect(second).toMatchObject({ code: 'registration.transition.not_allowed', details: { machine: 'change-request', state: 'RESUBMITTED', trigger: 'request_supplement' } });
    expect(() => resubmitted.aggregate.resubmit({ at: at('2026-03-10T10:00'), applicantId: 'u-1', newMaterial: ['x'], calendar })).toThrow(TransitionNotAllowedError);

    const approved = resubmitted.aggregate.approve({ at: at('2026-03-10T10:00'), officerId: 'o-1' });
    expect(approved.aggregate.state).toMatchObject({ status: 'APPROVED', decision: { outcome: 'APPROVE', by: 'o-1', reasons: [] } });
    expect(approved.events).toEqual([]);
    expect(approved.aggregate.state.history?.map((h) => [h.trigger, h.to, h.actor])).toEqual([
      ['route_to_officer', 'PENDING_REVIEW', 'system'],
      ['request_supplement', 'SUPPLEMENT_REQUESTED', 'officer'],
      ['resubmit', 'RESUBMITTED', 'applicant'],
      ['approve', 'APPROVED', 'officer'],
    ]);
  });

  it('a notice needs items; the answer needs the own applicant, new material, and the period still open', () => {
    expect(() => pending().requestSupplement({ at: at('2026-03-03T10:00'), officerId: 'o-1', items: [], calendar })).toThrow(ReasonRequiredError);
    const requested = pending().requestSupplement({ at: at('2026-03-03T10:00'), officerId: 'o-1', items, calendar }).aggregate;
    expect(() => requested.resubmit({ at: at('2026-03-04T10:00'), applicantId: 'u-2', newMaterial: ['x'], calendar })).toThrow(NotApplicationOwnerError);
    expect(() => requested.resubmit({ at: at('2026-03-04T10:00'), applicantId: 'u-1', newMaterial: [], calendar })).toThrow(ReasonRequiredError);
    expect(() => requested.resubmit({ at: at('2026-04-03T00:00'), applicantId: 'u-1', newMaterial: ['x'], calendar })).toThrow(SupplementPeriodOverError);
    expect(requested.resubmit({ at: at('2026-04-02T23:59'), applicantId: 'u-1', newMaterial: ['x'], calendar }).aggregate.state.status).toBe('RESUBMITTED');
  });

  it('lapses by the timer when the period ends unanswered, not before', () => {
    const requested = pending().requestSupplement({ at: at('2026-03-03T10:00'), officerId: 'o-1', items, calendar }).aggregate;
    expect(() => requested.lapse(at('2026-04-02T23:59'))).toThrow(NotYetDueError);
    const lapsed = requested.lapse(at('2026-04-03T00:00'));
    expect(lapsed.aggregate.state).toMatchObject({ status: 'LAPSED', decision: { outcome: 'LAPSE' } });
    expect(() => pending().lapse(at('2026-04-03T00:00'))).toThrow(TransitionNotAllowedError);
  });

  it('a notice sent after the due time does not stop the clock: the review stays overdue', () => {
    const late = pending().requestSupplement({ at: at('2026-03-06T09:00'), officerId: 'o-1', items, calendar });
    expect(late.aggregate.reviewDeadline(calendar)?.isSuspended).toBe(false);
    expect(late.aggregate.state.supplement?.clockSuspended).toBe(false);
    const answered = late.aggregate.resubmit({ at: at('2026-03-09T10:00'), applicantId: 'u-1', newMaterial: ['x'], calendar });
    expect(answered.aggregate.reviewDeadline(calendar)?.dueAt).toEqual(at('2026-03-06T00:00'));
    expect(answered.aggregate.markOverdue(at('2026-03-09T10:00'), calendar).events).toHaveLength(1);
  });

  it('refuses with a reason code and reasons, stating the remedies as establishment does (application.refused, kind CHANGE)', () => {
    const request = pending();
    expect(() => request.refuse({ at: at('2026-03-03T10:00'), officerId: 'o-1', reasonCode: 'X', reasons: [] })).toThrow(ReasonRequiredError);
    expect(() => request.refuse({ at: at('2026-03-03T10:00'), officerId: 'o-1', reasonCode: ' ', reasons: ['r'] })).toThrow(ReasonRequiredError);
    const refused = request.refuse({ at: at('2026-03-03T10:00'), officerId: 'o-1', reasonCode: 'FORMAL_REQUIREMENTS_NOT_MET', reasons: ['Filed too late'] });
    expect(refused.aggregate.state).toMatchObject({ status: 'REFUSED', decision: { outcome: 'REFUSE', reasons: ['Filed too late'], remedies: [...REFUSAL_REMEDIES] } });
    expect(refused.events[0]).toMatchObject({
      type: 'registration.application.rejected',
      data: { applicationId: 'cr-1', kind: 'CHANGE', outcome: 'REFUSED', reasonCode: 'FORMAL_REQUIREMENTS_NOT_MET', reasons: ['Filed too late'], remedies: [...REFUSAL_REMEDIES] },
    });
    expect(refused.aggregate.markOverdue(at('2026-03-20T10:00'), calendar).events).toEqual([]);
    expect(() => refused.aggregate.approve({ at: at('2026-03-04T10:00'), officerId: 'o-1' })).toThrow(TransitionNotAllowedError);
  });

  it('the own applicant withdraws an undecided request, also while a notice waits; only once', () => {
    const requested = pending().requestSupplement({ at: at('2026-03-03T10:00'), officerId: 'o-1', items, calendar }).aggregate;
    expect(() => requested.withdraw({ at: at('2026-03-04T10:00'), applicantId: 'u-2' })).toThrow(NotApplicationOwnerError);
    const withdrawn = requested.withdraw({ at: at('2026-03-04T10:00'), applicantId: 'u-1' });
    expect(withdrawn.aggregate.state).toMatchObject({ status: 'WITHDRAWN', decision: { outcome: 'WITHDRAW', by: 'u-1' } });
    expect(withdrawn.events[0]).toMatchObject({ type: 'registration.application.withdrawn', data: { applicationId: 'cr-1', kind: 'CHANGE' } });
    expect(() => withdrawn.aggregate.withdraw({ at: at('2026-03-05T10:00'), applicantId: 'u-1' })).toThrow(TransitionNotAllowedError);
  });

  it('a request queued before the review clock existed has no deadline: never overdue, still decided', () => {
    const legacy: ChangeRequestState = {
      id: 'old',
      uscc: 'u',
      authorityCode: 'GZ-YX-AMR',
      ownerId: 'u-1',
      status: 'PENDING_REVIEW',
      change: {},
      failedChecks: ['FILED_LATE'],
      filedOn: '2026-01-05',
      filedAt: at('2026-01-05T10:00'),
    };
    const request = ChangeRequest.restore(legacy);
    expect(request.reviewDeadline(calendar)).toBeUndefined();
    expect(request.markOverdue(at('2026-03-01T10:00'), calendar).events).toEqual([]);
    const requested = request.requestSupplement({ at: at('2026-01-06T10:00'), officerId: 'o-1', items, calendar }).aggregate;
    expect(requested.state.supplement?.clockSuspended).toBe(false);
    expect(requested.resubmit({ at: at('2026-01-07T10:00'), applicantId: 'u-1', newMaterial: ['x'], calendar }).aggregate.state.status).toBe('RESUBMITTED');
  });
});

describe("ChangeRequest: the one extension of the review (+3 WD on the head's approval, as for establishment)", () => {
  const ask = { officerId: 'o-1', approvedBy: 'head-yx', reason: 'On-site verification of the new domicile', calendar };

  it('filed before the 2026 Spring Festival: extended at the last minute before due (end of Thu 12 Feb) to the end of Tue 24 Feb, across the swapped working Saturday 14 Feb and the holiday; one minute later is too late', () => {
    const request = pending(at('2026-02-09T10:00'));
    const dueAt = at('2026-02-13T00:00');
    expect(request.reviewDeadline(calendar)?.dueAt).toEqual(dueAt);

    const extended = request.extend({ ...ask, at: at('2026-02-12T23:59') });
    // Fri 13, Sat 14 (调休上班), then 15–23 Feb off, Tue 24
    const newDue = at('2026-02-25T00:00');
    expect(extended.aggregate.reviewDeadline(calendar)?.dueAt).toEqual(newDue);
    expect(extended.aggregate.state).toMatchObject({ status: 'PENDING_REVIEW', extension: { officerId: 'o-1', approvedBy: 'head-yx', reason: ask.reason, at: at('2026-02-12T23:59') } });
    expect(extended.aggregate.state.history?.at(-1)).toMatchObject({ trigger: 'extend', from: 'PENDING_REVIEW', to: 'PENDING_REVIEW', actor: 'officer', by: 'o-1' });
    expect(extended.events).toEqual([
      expect.objectContaining({ type: 'registration.application.extended', aggregateId: 'cr-1', data: { applicationId: 'cr-1', kind: 'CHANGE', dueAt: newDue.toISOString() } }),
    ]);
    // the overdue mark follows the new due time
    expect(extended.aggregate.markOverdue(at('2026-02-24T23:59'), calendar).events).toEqual([]);
    expect(extended.aggregate.markOverdue(at('2026-02-25T00:00'), calendar).events).toHaveLength(1);

    const late = catchError(() => request.extend({ ...ask, at: at('2026-02-13T00:00') }));
    expect(late).toBeInstanceOf(ReviewExtensionRefusedError);
    expect(late).toMatchObject({ reason: 'DEADLINE_PASSED' });
    expect(catchError(() => request.extend({ ...ask, at: at('2026-02-13T00:01') }))).toMatchObject({ reason: 'DEADLINE_PASSED' });
  });

  it('filed the day before the 2026 National Day holiday (due at the end of the swapped working Sat 10 Oct): extended at 23:59 that Saturday to the end of Wed 14 Oct', () => {
    const request = pending(at('2026-09-30T16:00'));
    expect(request.extend({ ...ask, at: at('2026-10-10T23:59') }).aggregate.reviewDeadline(calendar)?.dueAt).toEqual(at('2026-10-15T00:00'));
    expect(catchError(() => request.extend({ ...ask, at: at('2026-10-11T00:00') }))).toMatchObject({ reason: 'DEADLINE_PASSED' });
  });

  it("only once, only with the head's approval and a reason, by an officer, and only while the request waits for the officer with its clock running", () => {
    const extended = pending().extend({ ...ask, at: at('2026-03-03T10:00') }).aggregate;
    expect(catchError(() => extended.extend({ ...ask, at: at('2026-03-04T10:00') }))).toMatchObject({ reason: 'ALREADY_EXTENDED' });
    expect(catchError(() => pending().extend({ ...ask, approvedBy: ' ', at: at('2026-03-03T10:00') }))).toMatchObject({ reason: 'NO_HEAD_APPROVAL' });
    expect(() => pending().extend({ ...ask, reason: ' ', at: at('2026-03-03T10:00') })).toThrow(ReasonRequiredError);

    // a notice stops the clock and leaves the queue: the table refuses (409 naming state and trigger)
    const requested = pending().requestSupplement({ at: at('2026-03-03T10:00'), officerId: 'o-1', items, calendar }).aggregate;
    expect(catchError(() => requested.extend({ ...ask, at: at('2026-03-04T10:00') }))).toMatchObject({ code: 'registration.transition.not_allowed', details: { machine: 'change-request', state: 'SUPPLEMENT_REQUESTED', trigger: 'extend' } });
    expect(() => requested.extend({ ...ask, at: at('2026-03-04T10:00') })).toThrow(TransitionNotAllowedError);

    // after the resubmission (RESUBMITTED) the resumed clock may be extended: +3 WD from the moved due time
    const resubmitted = requested.resubmit({ at: at('2026-03-09T10:00'), applicantId: 'u-1', newMaterial: ['x'], calendar }).aggregate;
    expect(resubmitted.reviewDeadline(calendar)?.dueAt).toEqual(at('2026-03-12T00:00'));
    const again = resubmitted.extend({ ...ask, at: at('2026-03-10T10:00') }).aggregate;
    expect(again.state.status).toBe('RESUBMITTED');
    expect(again.reviewDeadline(calendar)?.dueAt).toEqual(at('2026-03-17T00:00')); // Thu 12, Fri 13, Mon 16

    const approved = pending().approve({ at: at('2026-03-03T10:00'), officerId: 'o-1' }).aggregate;
    expect(() => approved.extend({ ...ask, at: at('2026-03-03T11:00') })).toThrow(TransitionNotAllowedError);
  });

  it('a request queued before the review clock existed has no time limit to extend', () => {
    const legacy = ChangeRequest.restore({ ...pending().state, review: undefined, history: undefined });
    expect(() => legacy.extend({ ...ask, at: at('2026-03-03T10:00') })).toThrow(InvalidArgumentError);
  });
});

describe('ChangeRequest: the approval records the registered change', () => {
  it('keeps the change id and versions on an approval, and nothing else', () => {
    const approved = pending().approve({ at: at('2026-03-03T10:00'), officerId: 'o-1' }).aggregate;
    expect(approved.recordRegisteredChange({ changeId: 'cr-1', companyVersion: 4, licenceVersion: 2 }).state.decision).toMatchObject({
      outcome: 'APPROVE',
      changeId: 'cr-1',
      companyVersion: 4,
      licenceVersion: 2,
    });
    expect(() => pending().recordRegisteredChange({ changeId: 'cr-1', companyVersion: 4 })).toThrow('Only an approved request');
  });
});
