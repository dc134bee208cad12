import fc from 'fast-check';
import { at, catchError, describeMachineExhaustively } from '../shared/machine-testing';
import { calendar, dispatched, registered } from '../ticket/test-fixtures';
import { Ticket } from '../ticket/ticket';
import type { TicketStatus } from '../ticket/ticket-machine';
import { distanceMetres, duplicateScore, duplicateScoreBreakdown, findDuplicateCandidates, isDuplicateCandidate, textSimilarity, type DuplicateProbe } from './candidates';
import { linkTickets, linksOf, splitSiblingLinks, ticketLinkProblems, TicketLinkRefusedError, type LinkableTicket } from './links';
import {
  acceptMergeProposal,
  additionalCallersOf,
  MERGE_MACHINE,
  mergeProblems,
  MergeRefusedError,
  planMerge,
  planUnmerge,
  proposeMerge,
  rejectMergeProposal,
} from './merge';

describeMachineExhaustively(MERGE_MACHINE);

const T = (id: string, extra: Partial<LinkableTicket> = {}): LinkableTicket => ({
  id,
  submissionId: `s-${id}`,
  jurisdictionId: 'CN-44-01',
  type: 'COMPLAINT',
  scenarioCode: 'ROADS.POTHOLE',
  state: 'REGISTERED',
  callerKey: `caller-${id}`,
  ...extra,
});

describe('links (§5)', () => {
  it('SPLIT_SIBLING: automatic, one Submission (002 L1511)', () => {
    expect(splitSiblingLinks(['a', 'b', 'c'], at('2026-09-30T10:00')).map((l) => [l.fromTicketId, l.toTicketId])).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
    expect(ticketLinkProblems('SPLIT_SIBLING', T('a', { submissionId: 's' }), T('b', { submissionId: 's' }))).toEqual(['automatic_only']);
    expect(ticketLinkProblems('SPLIT_SIBLING', T('a'), T('b'), true)).toEqual(['not_same_submission']);
  });

  it('REPEAT: same caller, the earlier ticket closed, a new contact (002 L1608)', () => {
    const earlier = T('old', { callerKey: 'c1', state: 'CLOSED' });
    expect(ticketLinkProblems('REPEAT', T('new', { callerKey: 'c1' }), earlier)).toEqual([]);
    expect(ticketLinkProblems('REPEAT', T('new', { callerKey: 'c2' }), { ...earlier, state: 'IN_PROGRESS' })).toEqual(['not_same_caller', 'earlier_not_closed']);
  });

  it('SAME_ISSUE: both on one long-running issue (002 L1624), the link names it', () => {
    const link = linkTickets({ type: 'SAME_ISSUE', from: T('a', { longRunningIssueId: 'lri-1' }), to: T('b', { longRunningIssueId: 'lri-1' }), at: at('2026-09-30T10:00'), by: 'agent-1' });
    expect(link).toMatchObject({ type: 'SAME_ISSUE', issueId: 'lri-1', createdBy: 'agent-1' });
    const error = catchError(() => linkTickets({ type: 'SAME_ISSUE', from: T('a'), to: T('b'), at: at('2026-09-30T10:00'), by: 'agent-1' }));
    expect(error).toBeInstanceOf(TicketLinkRefusedError);
    expect((error as TicketLinkRefusedError).code).toBe('complaints.link.not_same_issue');
  });

  it('DUPLICATE across jurisdictions or within a Submission is refused; RELATED is free; linksOf reads both ends', () => {
    expect(ticketLinkProblems('DUPLICATE', T('a'), T('b', { jurisdictionId: 'CN-44-06' }))).toEqual(['other_jurisdiction']);
    expect(ticketLinkProblems('DUPLICATE', T('a', { submissionId: 's' }), T('b', { submissionId: 's' }))).toEqual(['same_submission']);
    expect(ticketLinkProblems('RELATED', T('a'), T('b', { type: 'REPORT' }))).toEqual([]);
    expect(ticketLinkProblems('RELATED', T('a'), T('a'))).toEqual(['same_ticket']);
    const links = [
      linkTickets({ type: 'DUPLICATE', from: T('a'), to: T('b'), at: at('2026-09-30T10:00'), by: 'agent' }),
      linkTickets({ type: 'RELATED', from: T('c'), to: T('b'), at: at('2026-09-30T10:00'), by: 'agent' }),
    ];
    expect(linksOf('b', links)).toEqual([
      { type: 'DUPLICATE', otherTicketId: 'a', direction: 'IN' },
      { type: 'RELATED', otherTicketId: 'c', direction: 'BOTH' },
    ]);
  });
});

describe('merge rules (§5, row #30)', () => {
  it.each<[string, Partial<LinkableTicket>, Partial<LinkableTicket>, string[]]>([
    ['allowed: same matter, both before SUBMITTED', {}, {}, []],
    ['not across jurisdictions', {}, { jurisdictionId: 'CN-44-06' }, ['other_jurisdiction']],
    ['never REPORT with another type', { type: 'REPORT' }, {}, ['report_with_other_type']],
    ['not across ticket types (default policy)', { type: 'HELP' }, {}, ['different_type']],
    ['the same matter: same scenario', {}, { scenarioCode: 'ROADS.LIGHTS' }, ['different_scenario']],
    ['split items of one Submission are not duplicates', { submissionId: 's' }, { submissionId: 's' }, ['same_submission']],
    ['secondary already SUBMITTED', {}, { state: 'SUBMITTED' }, ['secondary_state']],
    ['secondary in RETURN_REQUESTED (row #30 lists REGISTERED, DISPATCHED, IN_PROGRESS)', {}, { state: 'RETURN_REQUESTED' }, ['secondary_state']],
    ['primary SUBMITTED', { state: 'SUBMITTED' }, {}, ['primary_state']],
    ['primary closed', { state: 'CLOSED' }, {}, ['primary_state']],
    ['primary merged away itself (no chains)', { mergedInto: 'x', state: 'CLOSED' }, {}, ['primary_state', 'primary_merged']],
  ])('%s', (_name, p, s, expected) => {
    expect(mergeProblems(T('p', p), T('s', s))).toEqual(expected);
  });

  it('cross-type merges can be opened by policy, except REPORT', () => {
    const policy = { allowCrossType: true, requireSameScenario: true };
    expect(mergeProblems(T('p', { type: 'HELP' }), T('s'), policy)).toEqual([]);
    expect(mergeProblems(T('p', { type: 'REPORT' }), T('s'), policy)).toEqual(['report_with_other_type']);
  });

  it('every secondary state: only REGISTERED, DISPATCHED, IN_PROGRESS merge', () => {
    const states: TicketStatus[] = ['REGISTERED', 'DISPATCHED', 'RETURN_REQUESTED', 'IN_COORDINATION', 'IN_PROGRESS', 'SUBMITTED', 'AWAITING_RATING', 'CALLBACK_PENDING', 'REHANDLING', 'AWAITING_DUTY_OPINION', 'CLOSED'];
    expect(states.filter((s) => mergeProblems(T('p'), T('s', { state: s })).length === 0)).toEqual(['REGISTERED', 'DISPATCHED', 'IN_PROGRESS']);
  });
});

describe('planMerge / planUnmerge', () => {
  const primary = T('p', { state: 'IN_PROGRESS', unitId: 'unit-roads' });
  const secondary = T('s', { state: 'DISPATCHED', unitId: 'unit-district' });
  const merge = () => planMerge({ id: 'm-1', primary, secondary, at: at('2026-09-30T10:00'), actor: 'hotline_agent', agentId: 'agent-1', reason: 'Same pothole', score: 0.9 });

  it('only an agent merges; the secondary is kept as it was; DUPLICATE link; caller joins with own reply and rating', () => {
    expect(() => planMerge({ id: 'm', primary, secondary, at: at('2026-09-30T10:00'), actor: 'handling_unit', agentId: 'u', reason: 'r' })).toThrow(/is for hotline_agent/);
    const plan = merge();
    expect(plan.record).toMatchObject({ status: 'MERGED', primaryTicketId: 'p', secondary: { ticketId: 's', callerKey: 'caller-s', stateAtMerge: 'DISPATCHED', unitId: 'unit-district' }, score: 0.9 });
    expect(plan.link).toMatchObject({ type: 'DUPLICATE', fromTicketId: 's', toTicketId: 'p' });
    expect(plan.additionalCaller).toMatchObject({ callerKey: 'caller-s', fromTicketId: 's', replyOwed: true, ratingOwed: true });
    expect(plan.secondaryCommand.primary).toEqual({ id: 'p', type: 'COMPLAINT', jurisdictionId: 'CN-44-01' });
  });

  it('callers and units are informed (intents as data)', () => {
    expect(merge().notifications.map((n) => [n.kind, n.recipient])).toEqual([
      ['CALLER_MERGED', { role: 'caller', callerKey: 'caller-s' }],
      ['UNIT_CALLER_ADDED', { role: 'unit', unitId: 'unit-roads' }],
      ['UNIT_TICKET_MERGED_AWAY', { role: 'unit', unitId: 'unit-district' }],
    ]);
  });

  it('the secondary command closes the real ticket MERGED with the primary clock unchanged', () => {
    const p = dispatched('COMPLAINT', at('2026-09-30T10:00'));
    const s = Ticket.restore({ ...registered('COMPLAINT', at('2026-09-30T11:00')).state, id: 't-2', submissionId: 's-2', callerKey: 'caller-2' });
    const plan = planMerge({ id: 'm', primary: p.state, secondary: s.state, at: at('2026-09-30T12:00'), actor: 'hotline_agent', agentId: 'agent-1', reason: 'same lift' });
    const closed = s.merge(plan.secondaryCommand).aggregate;
    expect(closed.state).toMatchObject({ state: 'CLOSED', closeReason: 'MERGED', mergedInto: p.state.id });
    expect(p.state.handling?.deadlineAt).toEqual(calendar.deadlineWorkingDays(at('2026-09-30T10:00'), 10));
  });

  it('refusals carry complaints.merge.<reason>', () => {
    const error = catchError(() => planMerge({ id: 'm', primary, secondary: { ...secondary, type: 'REPORT' }, at: at('2026-09-30T10:00'), actor: 'hotline_agent', agentId: 'a', reason: 'r' }));
    expect(error).toBeInstanceOf(MergeRefusedError);
    expect((error as MergeRefusedError).code).toBe('complaints.merge.report_with_other_type');
  });

  it('a unit proposes, the agent accepts (rules checked again) or rejects', () => {
    const proposal = proposeMerge({ id: 'm-2', primary, secondary, at: at('2026-09-30T10:00'), actor: 'handling_unit', unitId: 'unit-roads', reason: 'Same pothole' });
    expect(proposal).toMatchObject({ status: 'PROPOSED', proposedBy: { unitId: 'unit-roads' } });
    expect(() => proposeMerge({ id: 'm', primary, secondary, at: at('2026-09-30T10:00'), actor: 'handling_unit', unitId: 'unit-x', reason: 'r' })).toThrow(/holds neither/);
    const late = catchError(() => acceptMergeProposal({ record: proposal, primary: { ...primary, state: 'SUBMITTED' }, secondary, at: at('2026-10-08T10:00'), actor: 'hotline_agent', agentId: 'a' }));
    expect((late as MergeRefusedError).code).toBe('complaints.merge.primary_state');
    expect(acceptMergeProposal({ record: proposal, primary, secondary, at: at('2026-09-30T11:00'), actor: 'hotline_agent', agentId: 'a' }).record.status).toBe('MERGED');
    expect(rejectMergeProposal({ record: proposal, at: at('2026-09-30T11:00'), actor: 'hotline_agent', reason: 'Different holes' }).status).toBe('REJECTED');
  });

  it('unmerge only while the primary is open; the caller leaves and gets a ticket again', () => {
    const plan = merge();
    expect(additionalCallersOf('p', [plan.record]).map((c) => c.callerKey)).toEqual(['caller-s']);
    const closedPrimary = catchError(() => planUnmerge({ record: plan.record, primary: { ...primary, state: 'CLOSED' }, at: at('2026-10-08T10:00'), actor: 'hotline_agent', reason: 'x' }));
    expect((closedPrimary as MergeRefusedError).code).toBe('complaints.merge.primary_closed');
    const un = planUnmerge({ record: plan.record, primary: { ...primary, state: 'AWAITING_RATING' }, at: at('2026-10-08T10:00'), actor: 'hotline_agent', reason: 'Different hole' });
    expect(un.record.status).toBe('UNMERGED');
    expect(un.removeCallerKey).toBe('caller-s');
    expect(un.reregister).toMatchObject({ ticketId: 's', submissionId: 's-s' });
    expect(un.notifications.map((n) => n.kind)).toEqual(['CALLER_UNMERGED', 'UNIT_CALLER_REMOVED']);
    expect(additionalCallersOf('p', [un.record])).toEqual([]);
  });
});

describe('duplicate candidates (§5)', () => {
  const base: DuplicateProbe = {
    ticketId: 'a',
    jurisdictionId: 'CN-44-01',
    scenarioCode: 'ROADS.POTHOLE',
    openedAt: at('2026-09-01T10:00'),
    text: '天河路100号门口路面有大坑',
    location: { lat: 23.1291, long: 113.2644 },
  };

  it('the §5 rule: same scenario; same address_id, ≤50 m or same USCC; within 30 ND', () => {
    const origin = { lat: 23.1291, long: 113.2644 };
    const north = (m: number) => ({ lat: origin.lat + m / 111_195, long: origin.long });
    expect(distanceMetres(origin, north(50))).toBeCloseTo(50, 0);
    expect(isDuplicateCandidate(base, { ...base, ticketId: 'b', location: north(49.9) })).toBe(true);
    expect(isDuplicateCandidate(base, { ...base, ticketId: 'b', location: north(51) })).toBe(false);
    expect(isDuplicateCandidate(base, { ...base, ticketId: 'b', location: north(500), addressId: 'x' })).toBe(false);
    expect(isDuplicateCandidate({ ...base, addressId: 'x' }, { ...base, ticketId: 'b', location: north(500), addressId: 'x' })).toBe(true);
    expect(isDuplicateCandidate({ ...base, uscc: '91440101MA5XXXXX1' }, { ...base, ticketId: 'b', location: undefined, uscc: '91440101MA5XXXXX1' })).toBe(true);
    expect(isDuplicateCandidate(base, { ...base, ticketId: 'b', scenarioCode: 'ROADS.LIGHTS' })).toBe(false);
    expect(isDuplicateCandidate(base, { ...base, ticketId: 'b', jurisdictionId: 'CN-44-06' })).toBe(false);
    expect(isDuplicateCandidate(base, { ...base, ticketId: 'b', openedAt: at('2026-10-01T10:00') })).toBe(true);
    expect(isDuplicateCandidate(base, { ...base, ticketId: 'b', openedAt: at('2026-10-01T10:00:00.001') })).toBe(false);
  });

  it('ranks closer, more similar reports first', () => {
    const near = { ...base, ticketId: 'near', text: '天河路100号有个大坑', openedAt: at('2026-09-02T10:00') };
    const far = { ...base, ticketId: 'far', text: '路灯不亮', location: { lat: 23.1294, long: 113.2644 }, openedAt: at('2026-09-20T10:00') };
    const other = { ...base, ticketId: 'other', scenarioCode: 'ROADS.LIGHTS' };
    expect(findDuplicateCandidates(base, [far, other, near]).map((c) => c.ticketId)).toEqual(['near', 'far']);
    expect(duplicateScoreBreakdown(base, near)).toMatchObject({ scenario: 1, location: 1 });
  });

  it('text similarity: character bigrams, punctuation and case ignored', () => {
    expect(textSimilarity('Pot-hole!', 'pothole')).toBe(1);
    expect(textSimilarity('', '')).toBe(1);
    expect(textSimilarity('abc', '')).toBe(0);
    expect(textSimilarity('路面有坑', '路面有坑。')).toBe(1);
  });

  const probe = fc.record({
    ticketId: fc.constantFrom('a', 'b'),
    jurisdictionId: fc.constant('CN-44-01'),
    scenarioCode: fc.constantFrom('ROADS.POTHOLE', 'ROADS.LIGHTS', 'WATER.LEAK'),
    openedAt: fc.integer({ min: 0, max: 60 * 86_400_000 }).map((ms) => new Date(Date.UTC(2026, 0, 1) + ms)),
    text: fc.string({ maxLength: 30 }),
    addressId: fc.option(fc.constantFrom('addr-1', 'addr-2'), { nil: undefined }),
    location: fc.option(fc.record({ lat: fc.double({ min: 22, max: 24, noNaN: true }), long: fc.double({ min: 112, max: 114, noNaN: true }) }), { nil: undefined }),
    uscc: fc.option(fc.constantFrom('U1', 'U2'), { nil: undefined }),
  }) as fc.Arbitrary<DuplicateProbe>;

  it('property: score in [0, 1], symmetric, identical → 1', () => {
    fc.assert(
      fc.property(probe, probe, (a, b) => {
        const s = duplicateScore(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(duplicateScore(b, a)).toBe(s);
        expect(duplicateScore(a, { ...a })).toBe(1);
        expect(isDuplicateCandidate(a, b)).toBe(isDuplicateCandidate(b, a));
      }),
      { numRuns: 300 },
    );
  });
});
