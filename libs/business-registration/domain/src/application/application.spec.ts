import { WorkingCalendar } from '@one-window/shared/calendar';
import { buildDevCreditCode } from '../identifiers/credit-code-allocator';
import { InvalidIdentifierError } from '../identifiers/errors';
import { NotYetDueError } from '../shared/errors';
import { at, catchError, describeMachineExhaustively } from '../shared/machine-testing';
import { TransitionNotAllowedError } from '../shared/state-machine';
import { Application } from './application';
import { APPLICATION_MACHINE } from './application-machine';
import { DEFAULT_AUTO_APPROVAL_RULES, evaluateAutoApproval } from './auto-approval';
import {
  InvalidApplicationFormError,
  NotApplicationOwnerError,
  ReasonRequiredError,
  ReviewExtensionRefusedError,
  SupplementNotFromNewMaterialError,
  SupplementPeriodOverError,
} from './errors';
import type { EstablishmentForm } from './form';
import { FORM, formWith, REFERENCE } from './test-fixtures';
import { validateEstablishmentForm } from './validate-form';

const calendar = WorkingCalendar.chinaMainland();
const USCC = buildDevCreditCode({ department: '9', category: '1', divisionCode: '440104' }, 7);
const items = [
  { code: 'MISSING_LEASE', description: 'Lease contract missing', materialRef: 'domicile.lease' },
  { code: 'ID_COPY_BLURRED', description: 'ID copy unreadable', materialRef: 'persons[1].idCopy' },
];

function submit(form: EstablishmentForm, submittedAt: Date, nameLevel: 'PASS' | 'WARN' = 'PASS') {
  const draft = Application.draft({ id: 'app-1', applicantId: 'u-1', authorityCode: 'GZ-YX-AMR', form, at: submittedAt });
  const validation = validateEstablishmentForm(form, REFERENCE, calendar.localDateOf(submittedAt).toString());
  const autoApproval = evaluateAutoApproval(DEFAULT_AUTO_APPROVAL_RULES, { form, validation, nameCheckLevel: nameLevel, reservationValid: true });
  return draft.submit({ at: submittedAt, applicantId: 'u-1', calendar, validation, autoApproval, uscc: USCC });
}

/** Officer route: a WARN name is never auto-approved. */
function pending(submittedAt = at('2026-03-02T09:00')) {
  return submit(FORM, submittedAt, 'WARN').aggregate;
}

function underReview(acceptedAt: Date) {
  return pending(acceptedAt).accept({ at: acceptedAt, officerId: 'o-1', receiptNo: 'R-1', calendar }).aggregate;
}

describeMachineExhaustively(APPLICATION_MACHINE);

describe('Application: automatic approval (秒批)', () => {
  it('DRAFT → SUBMITTED → REGISTERED at once, with company.registered and permit notices', () => {
    const { aggregate, events } = submit(FORM, at('2026-03-02T10:00'));
    expect(aggregate.state.status).toBe('REGISTERED');
    expect(aggregate.state.history.map((h) => [h.trigger, h.to, h.actor])).toEqual([
      ['draft', 'DRAFT', 'applicant'],
      ['submit', 'SUBMITTED', 'applicant'],
      ['auto_approve', 'REGISTERED', 'system'],
    ]);
    expect(aggregate.state.decision).toMatchObject({ outcome: 'REGISTERED', approvalMode: 'AUTO', reviewType: 'FORMAL', uscc: USCC, establishedOn: '2026-03-02' });
    expect(aggregate.state.autoApproval?.ruleSetVersion).toBe('auto-2026.1');
    expect(events.map((e) => e.type)).toEqual([
      'registration.application.submitted',
      'registration.company.registered',
      'registration.permit_notice.issued',
    ]);
    expect(events[1]).toMatchObject({
      aggregateId: USCC,
      data: {
        uscc: USCC,
        name: '广州市星河科技有限公司',
        entityType: 'LLC',
        establishedOn: '2026-03-02',
        authorityCode: 'GZ-YX-AMR',
        domicile: { standardAddressId: 'GZ-ADDR-0001', divisionCode: '440104', text: '广州市越秀区示例路1号' },
        scope: [
          { code: 'I6513', permitRoute: 'NONE' },
          { code: 'H6210', permitRoute: 'NOTIFICATION_COMMITMENT' },
        ],
        capital: { amount: '1000000.50', currency: 'CNY' },
        legalRepRef: 'p-a',
        approvalMode: 'AUTO',
      },
    });
    expect(events[2].data).toEqual({ uscc: USCC, scopeCode: 'H6210', permitName: '食品经营许可', authorityCode: 'GZ-AMR-FOOD', route: 'NOTIFICATION_COMMITMENT' });
  });

  it('a CANCELLED permit route prints as a general item (DIRECT_CANCEL) with no notice', () => {
    const { events } = submit(formWith({ scopeCodes: ['X0001'] }), at('2026-03-02T10:00'));
    expect(events.map((e) => e.type)).toEqual(['registration.application.submitted', 'registration.company.registered']);
    expect(events[1].data).toMatchObject({ scope: [{ code: 'X0001', permitRoute: 'DIRECT_CANCEL' }] });
  });

  it('refuses a form with a BLOCK issue, a bad credit code, and another applicant', () => {
    expect(() => submit(formWith({ commitment: { signed: false } }), at('2026-03-02T10:00'))).toThrow(InvalidApplicationFormError);
    const draft = Application.draft({ id: 'a', applicantId: 'u-1', authorityCode: 'X', form: FORM, at: at('2026-03-02T10:00') });
    const validation = validateEstablishmentForm(FORM, REFERENCE, '2026-03-02');
    const autoApproval = evaluateAutoApproval(DEFAULT_AUTO_APPROVAL_RULES, { form: FORM, validation, nameCheckLevel: 'PASS', reservationValid: true });
    const cmd = { at: at('2026-03-02T10:00'), applicantId: 'u-1', calendar, validation, autoApproval };
    expect(() => draft.submit({ ...cmd, uscc: '91440104MA00000000' })).toThrow(InvalidIdentifierError);
    expect(() => draft.submit({ ...cmd, applicantId: 'u-2' })).toThrow(NotApplicationOwnerError);
  });
});

describe('Application: officer route', () => {
  it('not auto-eligible → PENDING_ACCEPTANCE with the failed checks', () => {
    const { aggregate, events } = submit(FORM, at('2026-03-02T09:00'), 'WARN');
    expect(aggregate.state.status).toBe('PENDING_ACCEPTANCE');
    expect(events).toEqual([expect.objectContaining({ type: 'registration.application.submitted', data: expect.objectContaining({ route: 'OFFICER', failedChecks: ['NAME'] }) })]);
  });

  it('review due at the end of the 3rd working day after acceptance; overdue one minute after 23:59', () => {
    const app = underReview(at('2026-03-02T10:00'));
    expect(app.reviewDeadline(calendar)?.dueAt).toEqual(at('2026-03-06T00:00'));
    expect(app.markOverdue(at('2026-03-05T23:59'), calendar).events).toEqual([]);
    const overdue = app.markOverdue(at('2026-03-06T00:00'), calendar);
    expect(overdue.events).toEqual([expect.objectContaining({ type: 'registration.application.overdue', data: expect.objectContaining({ dueAt: at('2026-03-06T00:00').toISOString() }) })]);
    expect(overdue.aggregate.markOverdue(at('2026-03-07T00:00'), calendar).events).toEqual([]);
  });

  it('holiday and 调休: accepted Wed 30 Sep 2026, due end of Sat 10 Oct (an adjusted working day)', () => {
    const app = underReview(at('2026-09-30T16:00'));
    const accepted = pending(at('2026-09-30T16:00')).accept({ at: at('2026-09-30T16:00'), officerId: 'o-1', receiptNo: 'R', calendar });
    expect(accepted.events[0].data).toMatchObject({ dueAt: at('2026-10-11T00:00').toISOString() });
    expect(app.reviewDeadline(calendar)?.isOverdue(at('2026-10-10T23:59'))).toBe(false);
    expect(app.reviewDeadline(calendar)?.isOverdue(at('2026-10-11T00:00'))).toBe(true);
  });

  it('supplement from review suspends the clock; resubmission resumes it and returns to UNDER_REVIEW', () => {
    const app = underReview(at('2026-03-02T10:00'));
    const requested = app.requestSupplement({ at: at('2026-03-03T10:00'), officerId: 'o-1', items, calendar });
    expect(requested.aggregate.state.status).toBe('SUPPLEMENT_REQUESTED');
    expect(requested.events[0].data).toMatchObject({ round: 1, missingItems: items, respondBy: at('2026-04-03T00:00').toISOString() });
    expect(requested.aggregate.reviewDeadline(calendar)?.isSuspended).toBe(true);
    const resubmitted = requested.aggregate.resubmit({ at: at('2026-03-09T10:00'), applicantId: 'u-1', newMaterial: ['domicile.lease'], calendar });
    expect(resubmitted.aggregate.state.status).toBe('UNDER_REVIEW');
    const deadline = resubmitted.aggregate.reviewDeadline(calendar);
    expect(deadline?.dueAt).toEqual(at('2026-03-12T00:00'));
    expect(deadline?.remainingWorkingDays(at('2026-03-09T10:00'))).toBe(app.reviewDeadline(calendar)?.remainingWorkingDays(at('2026-03-03T10:00')));
  });

  it('supplement before acceptance returns to PENDING_ACCEPTANCE', () => {
    const requested = pending().requestSupplement({ at: at('2026-03-02T11:00'), officerId: 'o-1', items, calendar }).aggregate;
    const back = requested.resubmit({ at: at('2026-03-03T10:00'), applicantId: 'u-1', newMaterial: ['domicile.lease'], calendar });
    expect(back.aggregate.state.status).toBe('PENDING_ACCEPTANCE');
  });

  it('a later notice may only raise issues from newly submitted material', () => {
    const first = underReview(at('2026-03-02T10:00')).requestSupplement({ at: at('2026-03-03T10:00'), officerId: 'o-1', items, calendar }).aggregate;
    const answered = first.resubmit({ at: at('2026-03-04T10:00'), applicantId: 'u-1', newMaterial: ['domicile.lease'], calendar }).aggregate;
    const again = (materialRef: string) =>
      answered.requestSupplement({ at: at('2026-03-05T10:00'), officerId: 'o-1', items: [{ code: 'X', description: 'x', materialRef }], calendar });
    expect(catchError(() => again('persons[1].idCopy'))).toBeInstanceOf(SupplementNotFromNewMaterialError);
    expect(again('domicile.lease').events[0].data).toMatchObject({ round: 2 });
    expect(() => underReview(at('2026-03-02T10:00')).requestSupplement({ at: at('2026-03-03T10:00'), officerId: 'o-1', items: [], calendar })).toThrow(ReasonRequiredError);
  });

  it('the supplement period: resubmission refused at its end, lapse refused before it', () => {
    const requested = pending().requestSupplement({ at: at('2026-03-03T10:00'), officerId: 'o-1', items, calendar }).aggregate;
    expect(() => requested.resubmit({ at: at('2026-04-03T00:00'), applicantId: 'u-1', newMaterial: ['x'], calendar })).toThrow(SupplementPeriodOverError);
    expect(() => requested.lapse(at('2026-04-02T23:59'))).toThrow(NotYetDueError);
    const lapsed = requested.lapse(at('2026-04-03T00:00'));
    expect(lapsed.aggregate.state).toMatchObject({ status: 'LAPSED', decision: { outcome: 'LAPSED' } });
    expect(lapsed.events.map((e) => e.type)).toEqual(['registration.application.lapsed']);
  });

  it('extension: once, +3 working days, with the head’s approval, before the due instant', () => {
    const app = underReview(at('2026-03-02T10:00'));
    const cmd = { at: at('2026-03-05T10:00'), officerId: 'o-1', approvedBy: 'head-1', reason: 'site check', calendar };
    const extended = app.extend(cmd);
    expect(extended.aggregate.reviewDeadline(calendar)?.dueAt).toEqual(at('2026-03-11T00:00'));
    expect(extended.events[0].data).toMatchObject({ dueAt: at('2026-03-11T00:00').toISOString() });
    expect(catchError(() => extended.aggregate.extend({ ...cmd, at: at('2026-03-06T10:00') }))).toMatchObject({ reason: 'ALREADY_EXTENDED' });
    expect(catchError(() => app.extend({ ...cmd, approvedBy: ' ' }))).toMatchObject({ reason: 'NO_HEAD_APPROVAL' });
    expect(catchError(() => app.extend({ ...cmd, at: at('2026-03-06T00:00') }))).toMatchObject({ reason: 'DEADLINE_PASSED' });
    expect(catchError(() => app.extend({ ...cmd, at: at('2026-03-06T00:00') }))).toBeInstanceOf(ReviewExtensionRefusedError);
  });

  it('approve registers with approvalMode OFFICER', () => {
    const { aggregate, events } = underReview(at('2026-03-02T10:00')).approve({ at: at('2026-03-03T15:00'), officerId: 'o-1', uscc: USCC, calendar });
    expect(aggregate.state.decision).toMatchObject({ outcome: 'REGISTERED', approvalMode: 'OFFICER', by: 'o-1' });
    expect(events[0]).toMatchObject({ type: 'registration.company.registered', data: { approvalMode: 'OFFICER', establishedOn: '2026-03-03' } });
  });

  it('refusal needs reasons and gives remedies; not accepting and returning need a reason code', () => {
    const app = underReview(at('2026-03-02T10:00'));
    expect(() => app.refuse({ at: at('2026-03-03T10:00'), officerId: 'o-1', reasonCode: 'FALSE_MATERIAL', reasons: [] })).toThrow(ReasonRequiredError);
    const refused = app.refuse({ at: at('2026-03-03T10:00'), officerId: 'o-1', reasonCode: 'FALSE_MATERIAL', reasons: ['Lease forged'] });
    expect(refused.aggregate.state.decision).toMatchObject({ outcome: 'REFUSED', remedies: ['ADMINISTRATIVE_RECONSIDERATION', 'ADMINISTRATIVE_LITIGATION'] });
    expect(refused.events[0]).toMatchObject({ type: 'registration.application.rejected', data: { outcome: 'REFUSED' } });
    expect(() => pending().notAccept({ at: at('2026-03-02T11:00'), officerId: 'o-1', reasonCode: '' })).toThrow(ReasonRequiredError);
    expect(pending().notAccept({ at: at('2026-03-02T11:00'), officerId: 'o-1', reasonCode: 'NOT_OUR_AUTHORITY' }).aggregate.state.status).toBe('NOT_ACCEPTED');
    expect(pending().returnApplication({ at: at('2026-03-02T11:00'), officerId: 'o-1', reasonCode: 'INCOMPLETE' }).aggregate.state.status).toBe('RETURNED');
  });

  it('withdraw by the applicant from any undecided state; nothing after a decision', () => {
    const withdrawn = underReview(at('2026-03-02T10:00')).withdraw({ at: at('2026-03-03T10:00'), applicantId: 'u-1' });
    expect(withdrawn.aggregate.state.status).toBe('WITHDRAWN');
    expect(() => withdrawn.aggregate.withdraw({ at: at('2026-03-03T11:00'), applicantId: 'u-1' })).toThrow(TransitionNotAllowedError);
    expect(() => pending().withdraw({ at: at('2026-03-03T10:00'), applicantId: 'u-2' })).toThrow(NotApplicationOwnerError);
  });
});
