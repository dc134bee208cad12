import { at } from '../shared/machine-testing';
import { calendar, dispatched, inProgress, registered } from '../ticket/test-fixtures';
import type { OutcomeCode } from '../ticket/ticket-types';
import { agencyResponsible, effectiveVisibility, open311ExpectedAt, open311PublicRequest, open311RollUp, toW3cDateTime, type Open311SubmissionInput, type Open311TicketInput } from './public-request';
import { commaList, parseOpen311DateWindow, parseOpen311RequestQuery, parseW3cDateTime } from './request-query';
import { open311ServiceDefinitionOf, open311ServiceList, serviceNoticeFor, type ComplaintTemplate } from './service-definition';
import { open311TicketUpdates } from './request-updates';
import { open311StatusOf, type Open311StatusInput } from './status-mapping';

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}
const deadlineOf = (s: Pick<Open311TicketInput, 'handling'>) => defined(s.handling).deadlineAt;

describe('§7 mapping table: every row', () => {
  it.each<[string, Open311StatusInput, string, string, string]>([
    ['RECEIVED', { state: 'RECEIVED' }, 'open', 'open', 'RECEIVED'],
    ['AWAITING_SUPPLEMENT', { state: 'AWAITING_SUPPLEMENT' }, 'open', 'open', 'AWAITING_SUPPLEMENT'],
    ['REGISTERED', { state: 'REGISTERED' }, 'open', 'open', 'REGISTERED'],
    ['DISPATCHED', { state: 'DISPATCHED' }, 'open', 'investigating', 'DISPATCHED'],
    ['RETURN_REQUESTED', { state: 'RETURN_REQUESTED' }, 'open', 'internal_referral', 'RETURN_REQUESTED'],
    ['IN_COORDINATION', { state: 'IN_COORDINATION' }, 'open', 'internal_referral', 'IN_COORDINATION'],
    ['IN_PROGRESS', { state: 'IN_PROGRESS' }, 'open', 'in_progress', 'IN_PROGRESS'],
    ['IN_PROGRESS linked to a long-running issue', { state: 'IN_PROGRESS', longRunningIssueId: 'lri-1' }, 'open', 'action_scheduled', 'IN_PROGRESS'],
    ['SUBMITTED', { state: 'SUBMITTED' }, 'open', 'in_progress', 'SUBMITTED'],
    ['AWAITING_RATING', { state: 'AWAITING_RATING' }, 'open', 'in_progress', 'AWAITING_RATING'],
    ['CALLBACK_PENDING', { state: 'CALLBACK_PENDING' }, 'open', 'in_progress', 'CALLBACK_PENDING'],
    ['REHANDLING', { state: 'REHANDLING' }, 'open', 'in_progress', 'REHANDLING'],
    ['AWAITING_DUTY_OPINION', { state: 'AWAITING_DUTY_OPINION' }, 'open', 'in_progress', 'AWAITING_DUTY_OPINION'],
    ['CLOSED HANDLED', { state: 'CLOSED', closeReason: 'RATED', outcomeCode: 'HANDLED' }, 'closed', 'fixed', 'CLOSED:RATED'],
    ['CLOSED CASE_FILED', { state: 'CLOSED', closeReason: 'NOT_RATED', outcomeCode: 'CASE_FILED' }, 'closed', 'fixed', 'CLOSED:NOT_RATED'],
    ['CLOSED SUGGESTION_ADOPTED', { state: 'CLOSED', closeReason: 'RATED', outcomeCode: 'SUGGESTION_ADOPTED' }, 'closed', 'fixed', 'CLOSED:RATED'],
    ['CLOSED MEDIATION_AGREED', { state: 'CLOSED', closeReason: 'DUTY_OPINION_FILED', outcomeCode: 'MEDIATION_AGREED' }, 'closed', 'fixed', 'CLOSED:DUTY_OPINION_FILED'],
    ['CLOSED MERGED', { state: 'CLOSED', closeReason: 'MERGED' }, 'closed', 'duplicate', 'CLOSED:MERGED'],
    ['CLOSED GUIDED', { state: 'CLOSED', closeReason: 'GUIDED' }, 'closed', 'not_councils_responsibility', 'CLOSED:GUIDED'],
    ['CLOSED SPECIAL_CATEGORY', { state: 'CLOSED', closeReason: 'RATED', outcomeCode: 'SPECIAL_CATEGORY:ART11_2_3' as OutcomeCode }, 'closed', 'no_further_action', 'CLOSED:RATED'],
    ['CLOSED CALLER_UNREACHABLE', { state: 'CLOSED', closeReason: 'REHANDLING_SKIPPED', outcomeCode: 'CALLER_UNREACHABLE' }, 'closed', 'no_further_action', 'CLOSED:REHANDLING_SKIPPED'],
    ['CLOSED REPEAT_NO_NEW_FACTS', { state: 'CLOSED', closeReason: 'RATED', outcomeCode: 'REPEAT_NO_NEW_FACTS' }, 'closed', 'no_further_action', 'CLOSED:RATED'],
    ['Submission INCOMPLETE', { state: 'CLOSED', closeReason: 'INCOMPLETE' }, 'closed', 'no_further_action', 'CLOSED:INCOMPLETE'],
    ['Submission IDENTITY_REFUSED', { state: 'CLOSED', closeReason: 'IDENTITY_REFUSED' }, 'closed', 'no_further_action', 'CLOSED:IDENTITY_REFUSED'],
    ['other: ANSWERED_FROM_KB', { state: 'CLOSED', closeReason: 'ANSWERED_FROM_KB' }, 'closed', 'closed', 'CLOSED:ANSWERED_FROM_KB'],
    ['other: WITHDRAWN (even after a HANDLED report)', { state: 'CLOSED', closeReason: 'WITHDRAWN', outcomeCode: 'HANDLED' }, 'closed', 'closed', 'CLOSED:WITHDRAWN'],
    ['other: PRAISE_READ', { state: 'CLOSED', closeReason: 'PRAISE_READ' }, 'closed', 'closed', 'CLOSED:PRAISE_READ'],
    ['other: not adopted', { state: 'CLOSED', closeReason: 'RATED', outcomeCode: 'SUGGESTION_NOT_ADOPTED' }, 'closed', 'closed', 'CLOSED:RATED'],
    ['other: mediation not agreed', { state: 'CLOSED', closeReason: 'RATED', outcomeCode: 'MEDIATION_NOT_AGREED' }, 'closed', 'closed', 'CLOSED:RATED'],
    ['other: force majeure', { state: 'CLOSED', closeReason: 'NOT_RATED', outcomeCode: 'FORCE_MAJEURE' }, 'closed', 'closed', 'CLOSED:NOT_RATED'],
  ])('%s', (_row, input, status, extended, external) => {
    expect(open311StatusOf(input)).toEqual({ status, extendedStatus: extended, externalStatusCode: external });
  });
});

const TEMPLATE: ComplaintTemplate = {
  scenarioCode: 'HOUSING.LIFT',
  name: 'Lift out of order',
  description: 'A residential lift does not work',
  group: 'Housing',
  keywords: ['lift', 'elevator'],
  published: true,
  attributes: [{ code: 'building', datatype: 'string', description: 'Building number', required: true }],
  realNameRequired: false,
  visibility: 'PUBLIC',
};

const SUBMISSION: Open311SubmissionInput = {
  id: 's-1',
  status: 'REGISTERED',
  receivedAt: at('2026-09-29T08:30'),
  serviceCode: 'HOUSING.LIFT',
  hiddenFields: [],
  description: 'Lift in building 5 broken for a week',
  address: '天河路 100 号',
  addressId: 'addr-100',
  lat: 23.1291,
  long: 113.2644,
  caller: { name: '张三', phone: '13800138000', email: 'zhang@example.com' },
};

describe('service list and definition (§7)', () => {
  it('one service per published template; attributes end with request_type, hide_fields, uscc', () => {
    expect(open311ServiceList([TEMPLATE, { ...TEMPLATE, scenarioCode: 'X', published: false }])).toEqual([
      { service_code: 'HOUSING.LIFT', service_name: 'Lift out of order', description: 'A residential lift does not work', metadata: true, type: 'realtime', keywords: 'lift,elevator', group: 'Housing' },
    ]);
    const def = open311ServiceDefinitionOf(TEMPLATE);
    expect(def.attributes.map((a) => [a.code, a.datatype, a.order])).toEqual([
      ['building', 'string', 1],
      ['request_type', 'singlevaluelist', 2],
      ['hide_fields', 'multivaluelist', 3],
      ['uscc', 'string', 4],
    ]);
    expect(def.attributes[1].values?.map((v) => v.key)).toEqual(['CONSULTATION', 'HELP', 'COMPLAINT', 'REPORT', 'SUGGESTION', 'PRAISE']);
    expect(def.attributes[2].values?.map((v) => v.key)).toContain('phone');
    expect(open311ServiceDefinitionOf({ ...TEMPLATE, requestType: 'HELP' }).attributes.map((a) => a.code)).toEqual(['building', 'hide_fields', 'uscc']);
  });

  it('service_notice from the SLA', () => {
    expect(serviceNoticeFor({ requestType: 'COMPLAINT' })).toBe('dispatched within 1 working day; answered within 10 working days; up to 2 extensions');
    expect(serviceNoticeFor({ requestType: 'CONSULTATION' })).toBe('dispatched within 1 working day; answered within 2 working days; up to 2 extensions');
    expect(serviceNoticeFor({})).toBe('dispatched within 1 working day; answered within 2 working days (consultations) or 10 working days (other requests); up to 2 extensions');
    expect(serviceNoticeFor({ requestType: 'PRAISE' })).toBe('dispatched within 1 working day; read by the unit');
    expect(serviceNoticeFor({ serviceNotice: 'custom' })).toBe('custom');
  });
});

describe('roll-up and expected_datetime (§7)', () => {
  it('REGISTERED: end of the registration day + (1 + limitWd) WD', () => {
    // registered Tue Sep 29; 1 + 10 WD: Sep 30, Oct 8, 9, 10 (Sat, 调休), 12–16, 19, 20 → end of Oct 20
    expect(open311ExpectedAt(registered('COMPLAINT', at('2026-09-29T09:00')).state, calendar)).toEqual(at('2026-10-20T23:59:59.999'));
    expect(open311ExpectedAt(registered('CONSULTATION', at('2026-09-29T09:00')).state, calendar)).toEqual(at('2026-10-09T23:59:59.999')); // 1 + 2 WD: Sep 30, Oct 8, 9
    expect(open311ExpectedAt(registered('PRAISE', at('2026-09-29T09:00')).state, calendar)).toBeUndefined();
  });

  it('DISPATCHED to IN_PROGRESS: the handling deadline including extensions', () => {
    const t = inProgress('COMPLAINT', at('2026-09-30T10:00'));
    expect(open311ExpectedAt(t.state, calendar)).toEqual(new Date(deadlineOf(t.state).getTime() - 1));
    const ext = t.extend({ at: at('2026-10-09T10:00'), unitId: defined(t.state.unitId), workingDays: 2, reason: 'r', publicReason: 'r', calendar }).aggregate;
    expect(open311ExpectedAt(ext.state, calendar)).toEqual(new Date(deadlineOf(ext.state).getTime() - 1));
    expect(deadlineOf(ext.state).getTime()).toBeGreaterThan(deadlineOf(t.state).getTime());
    expect(open311ExpectedAt({ ...t.state, state: 'IN_COORDINATION' }, calendar)).toBeUndefined();
    expect(open311ExpectedAt({ ...t.state, state: 'SUBMITTED' }, calendar)).toBeUndefined();
  });

  it('open while any ticket is open; the least advanced is shown; expected = max over open tickets', () => {
    const a = inProgress('COMPLAINT', at('2026-09-30T10:00')).state;
    const b = { ...registered('CONSULTATION', at('2026-10-12T09:00')).state, id: 't-2' };
    const c: Open311TicketInput = { ...a, id: 't-3', state: 'CLOSED', closeReason: 'GUIDED', closedAt: at('2026-10-12T10:00') };
    const r = open311RollUp(SUBMISSION, [a, b, c], calendar);
    expect(r).toMatchObject({ status: 'open', extendedStatus: 'open', externalStatusCode: 'REGISTERED', shownTicketId: 't-2' });
    const expectedB = defined(open311ExpectedAt(b, calendar));
    const expectedA = defined(open311ExpectedAt(a, calendar));
    expect(r.expectedAt).toEqual(new Date(Math.max(expectedA.getTime(), expectedB.getTime())));
  });

  it('all closed: closed, the last closed ticket shown, updated = its close time', () => {
    const a: Open311TicketInput = { ...dispatched().state, state: 'CLOSED', closeReason: 'RATED', outcomeCode: 'HANDLED', closedAt: at('2026-10-20T10:00') };
    const b: Open311TicketInput = { ...a, id: 't-2', closeReason: 'MERGED', closedAt: at('2026-10-02T10:00') };
    expect(open311RollUp(SUBMISSION, [a, b], calendar)).toEqual({ status: 'closed', extendedStatus: 'fixed', externalStatusCode: 'CLOSED:RATED', shownTicketId: 't-1', updatedAt: at('2026-10-20T10:00') });
  });

  it('a Submission without tickets shows its own state', () => {
    expect(open311RollUp({ ...SUBMISSION, status: 'AWAITING_SUPPLEMENT' }, [], calendar)).toMatchObject({ status: 'open', extendedStatus: 'open' });
    expect(open311RollUp({ ...SUBMISSION, status: 'CLOSED', closeReason: 'INCOMPLETE', closedAt: at('2026-10-03T00:00') }, [], calendar)).toEqual({
      status: 'closed',
      extendedStatus: 'no_further_action',
      externalStatusCode: 'CLOSED:INCOMPLETE',
      updatedAt: at('2026-10-03T00:00'),
    });
  });
});

describe('privacy by template visibility (§7)', () => {
  const ticket = dispatched('COMPLAINT', at('2026-09-30T10:00')).state;
  const req = (over: Partial<Parameters<typeof open311PublicRequest>[0]> = {}) =>
    open311PublicRequest({ submission: SUBMISSION, tickets: [ticket], template: TEMPLATE, unitNames: { 'unit-housing': 'Housing Bureau' }, calendar, viewer: 'public', ...over });

  it('PUBLIC: description and location shown; never the caller name, phone or email', () => {
    const r = defined(req());
    expect(r).toMatchObject({
      service_request_id: 's-1',
      status: 'open',
      service_name: 'Lift out of order',
      service_code: 'HOUSING.LIFT',
      description: 'Lift in building 5 broken for a week',
      agency_responsible: 'Housing Bureau',
      service_notice: 'dispatched within 1 working day; answered within 10 working days; up to 2 extensions',
      requested_datetime: '2026-09-29T08:30:00+08:00',
      address: '天河路 100 号',
      address_id: 'addr-100',
      lat: 23.1291,
      long: 113.2644,
    });
    expect(r.expected_datetime).toBe(toW3cDateTime(new Date(deadlineOf(ticket).getTime() - 1), calendar));
    const json = JSON.stringify(r);
    for (const secret of ['张三', '13800138000', 'zhang@example.com']) expect(json).not.toContain(secret);
  });

  it('SUMMARY (default, and forced when fields are hidden): service, status, dates and agency only', () => {
    const keys = Object.keys(defined(req({ submission: { ...SUBMISSION, hiddenFields: ['phone'] } }))).sort();
    expect(keys).toEqual(['agency_responsible', 'expected_datetime', 'requested_datetime', 'service_code', 'service_name', 'service_notice', 'service_request_id', 'status', 'updated_datetime']);
    expect(Object.keys(defined(req({ template: { ...TEMPLATE, visibility: undefined } }))).sort()).toEqual(keys);
    expect(effectiveVisibility({ visibility: 'PUBLIC' }, ['COMPLAINT'], ['name'])).toBe('SUMMARY');
    expect(effectiveVisibility({}, ['COMPLAINT'], [])).toBe('SUMMARY');
  });

  it('HIDDEN (forced for REPORT): never listed; the submitter sees it with their own token', () => {
    const report = { ...ticket, type: 'REPORT' as const };
    expect(effectiveVisibility({ visibility: 'PUBLIC' }, ['REPORT'], [])).toBe('HIDDEN');
    expect(effectiveVisibility({ visibility: 'PUBLIC', requestType: 'REPORT' }, [], [])).toBe('HIDDEN');
    expect(req({ tickets: [report] })).toBeUndefined();
    expect(req({ template: { ...TEMPLATE, visibility: 'HIDDEN' } })).toBeUndefined();
    const own = defined(req({ tickets: [report], viewer: 'owner' }));
    expect(own.description).toBe(SUBMISSION.description);
    expect(JSON.stringify(own)).not.toContain('13800138000');
  });

  it('agency_responsible: unit names, lead first, then co-handlers', () => {
    const lead: Open311TicketInput = { ...ticket, unitId: 'u1', coHandlers: [{ unitId: 'u2', items: ['x'], notifiedAt: at('2026-09-30T11:00') }] };
    const other: Open311TicketInput = { ...ticket, id: 't-2', unitId: 'u3', coHandlers: [{ unitId: 'u1', items: ['y'], notifiedAt: at('2026-09-30T11:00') }] };
    expect(agencyResponsible([lead, other], { u1: 'Housing', u2: 'Street office' })).toBe('Housing, u3, Street office');
  });
});

describe('GET /requests query (§7)', () => {
  const now = at('2026-10-15T12:00');

  it('default: the last 90 days, capped at 1,000', () => {
    expect(parseOpen311RequestQuery({}, now)).toEqual({ ok: true, value: { kind: 'FILTER', startDate: new Date(now.getTime() - 90 * 86_400_000), endDate: now, limit: 1000 } });
  });

  it('window boundary: exactly 90 days is allowed, 90 days + 1 ms is a 400', () => {
    const ok = parseOpen311RequestQuery({ start_date: '2026-07-01T00:00:00+08:00', end_date: '2026-09-29T00:00:00+08:00' }, now);
    expect(ok.ok).toBe(true);
    const tooLong = parseOpen311RequestQuery({ start_date: '2026-07-01T00:00:00+08:00', end_date: '2026-09-29T00:00:00.001+08:00' }, now);
    expect(tooLong).toEqual({ ok: false, errors: [{ code: 400, description: 'The date window may not span more than 90 days' }] });
  });

  it('one-sided windows, bad dates, end before start', () => {
    const s = parseOpen311DateWindow({ start_date: '2026-01-01' }, now);
    expect(s).toEqual({ ok: true, value: { startDate: at('2026-01-01T00:00'), endDate: at('2026-04-01T00:00') } });
    const e = parseOpen311DateWindow({ end_date: '2026-10-01T00:00Z' }, now);
    expect(e.ok && e.value.startDate).toEqual(new Date(Date.UTC(2026, 6, 3)));
    expect(parseOpen311DateWindow({ start_date: '2026-09-01T00:00:00+08:00', end_date: '2026-08-01T00:00:00+08:00' }, now)).toEqual({ ok: false, errors: [{ code: 400, description: 'end_date is before start_date' }] });
    expect(parseW3cDateTime('2026-02-30')).toBeUndefined();
    expect(parseW3cDateTime('2026-09-30T10:00')).toBeUndefined(); // no offset
    expect(parseW3cDateTime('2026-09-30T10:00:05Z')).toEqual(new Date('2026-09-30T10:00:05Z'));
  });

  it('comma lists; status open/closed; all problems reported at once', () => {
    const q = parseOpen311RequestQuery({ service_code: 'A, B,,A', status: 'open,closed' }, now);
    expect(q.ok && q.value).toMatchObject({ kind: 'FILTER', serviceCodes: ['A', 'B'], statuses: ['open', 'closed'] });
    expect(commaList(' x ,y,,x')).toEqual(['x', 'y']);
    const bad = parseOpen311RequestQuery({ status: 'open,pending', start_date: 'yesterday' }, now);
    expect(bad).toEqual({
      ok: false,
      errors: [
        { code: 400, description: 'status must be open or closed: pending' },
        { code: 400, description: 'start_date is not a W3C datetime: yesterday' },
      ],
    });
  });

  it('service_request_id overrides every other filter (which are then not validated)', () => {
    expect(parseOpen311RequestQuery({ service_request_id: 's-1,s-2', status: 'bogus', start_date: '2020-01-01', end_date: '2026-01-01' }, now)).toEqual({
      ok: true,
      value: { kind: 'BY_ID', serviceRequestIds: ['s-1', 's-2'] },
    });
  });
});

describe('FMS servicerequestupdates: one per public transition (§7)', () => {
  const t0 = new Date('2026-09-30T01:00:00.000Z');
  const plus = (h: number) => new Date(t0.getTime() + h * 3_600_000);

  it('registered, dispatched, extended (new deadline, public reason), re-dispatched, replied, re-handling, closed; long-running → action_scheduled', () => {
    const ticket = {
      id: 't-1',
      state: 'CLOSED' as const,
      closeReason: 'RATED' as const,
      outcomeCode: 'HANDLED' as const,
      unitId: 'U2',
      dispatches: [
        { no: 1, unitId: 'U1', at: plus(1), reason: 'CATALOGUE', actor: 'hotline_agent', returnBarred: false },
        { no: 2, unitId: 'U2', at: plus(5), reason: 'RETURN_APPROVED', actor: 'hotline_agent', returnBarred: false },
      ],
      extensions: [{ no: 1, dispatchNo: 2, unitId: 'U2', at: plus(7), workingDays: 5, reason: 'internal', publicReason: 'Site survey needed', previousDeadlineAt: plus(100), deadlineAt: new Date('2026-10-20T16:00:00.000Z') }],
      longRunningIssueId: 'lri-1',
      longRunningIssueJoinedAt: plus(6),
      history: [
        { at: t0, trigger: 'register', from: null, to: 'REGISTERED', actor: 'hotline_agent' },
        { at: plus(1), trigger: 'dispatch', from: 'REGISTERED', to: 'DISPATCHED', actor: 'hotline_agent' },
        { at: plus(2), trigger: 'accept', from: 'DISPATCHED', to: 'IN_PROGRESS', actor: 'handling_unit' },
        { at: plus(3), trigger: 'request_return', from: 'IN_PROGRESS', to: 'RETURN_REQUESTED', actor: 'handling_unit' },
        { at: plus(5), trigger: 'approve_return', from: 'RETURN_REQUESTED', to: 'DISPATCHED', actor: 'hotline_agent' },
        { at: plus(5.5), trigger: 'accept', from: 'DISPATCHED', to: 'IN_PROGRESS', actor: 'handling_unit' },
        { at: plus(7), trigger: 'extend', from: 'IN_PROGRESS', to: 'IN_PROGRESS', actor: 'handling_unit' },
        { at: plus(8), trigger: 'record_reply', from: 'IN_PROGRESS', to: 'IN_PROGRESS', actor: 'handling_unit' },
        { at: plus(9), trigger: 'submit', from: 'IN_PROGRESS', to: 'SUBMITTED', actor: 'handling_unit' },
        { at: plus(10), trigger: 'reopen_for_rehandling', from: 'CALLBACK_PENDING', to: 'REHANDLING', actor: 'hotline_agent' },
        { at: plus(12), trigger: 'rate_satisfied', from: 'AWAITING_RATING', to: 'CLOSED', actor: 'caller' },
      ],
    } as unknown as Parameters<typeof open311TicketUpdates>[0];
    const updates = open311TicketUpdates(ticket, { U1: 'Street office', U2: 'Housing bureau' });
    expect(updates.map((u) => [u.kind, u.status, u.externalStatusCode])).toEqual([
      ['registered', 'open', 'REGISTERED'],
      ['dispatched', 'investigating', 'DISPATCHED'],
      ['redispatched', 'investigating', 'DISPATCHED'],
      ['action_scheduled', 'action_scheduled', 'IN_PROGRESS'],
      ['extended', 'action_scheduled', 'IN_PROGRESS'],
      ['replied', 'action_scheduled', 'IN_PROGRESS'],
      ['rehandling', 'in_progress', 'REHANDLING'],
      ['closed', 'fixed', 'CLOSED:RATED'],
    ]);
    expect(updates[1].description).toContain('Street office');
    expect(updates[2].description).toContain('Housing bureau');
    expect(updates.find((u) => u.kind === 'extended')?.description).toBe('已延期 Deadline extended to 2026-10-20: Site survey needed');
    expect(new Set(updates.map((u) => u.updateId)).size).toBe(updates.length);
    expect(updates.map((u) => u.updateId)).toContain('t-1:issue');
  });
});
