import { maxValidUntil } from '@one-window/complaints/domain';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { ServiceUnderTest, startServiceUnderTest } from '@one-window/shared/platform';
import { testTokens, uniqueName, waitFor } from '@one-window/shared/testing';
import { AppModule } from '../src/app.module';
import { KNOWLEDGE_TIMERS } from '../src/knowledge/knowledge-desk';
import { complaintsService } from '../src/service';
import { complaintsApi, TH_HOUSING, YX_HOUSING } from './complaints-api';

const calendar = WorkingCalendar.chinaMainland();
const DAY = 86_400_000;
const problem = (slug: string) => `https://one-window.gov.cn/problems/${slug}`;

const CONTENT = {
  title: '老旧小区加装电梯申请条件',
  body: 'Owners of two thirds of the floor area and two thirds of the owners agree; the plan is published for 10 days.',
  basis: ['《广州市既有住宅增设电梯办法》'],
  scope: 'Existing residential buildings in Guangzhou',
  applicableSubjects: 'Owners of the building',
  conditions: 'At least four floors, no lift',
  faqs: [{ question: 'Who pays?', answer: 'The owners, by agreement' }],
};

/**
 * The knowledge base (spec §4) and merging (§5) over HTTP against the real database and broker:
 * validity caps, direct answers from persisted points only, the durable timers of expiry and
 * feedback, and a merge that keeps the originals and informs the callers, then is undone.
 */
describe('complaints: knowledge base, links and merges', () => {
  const tokens = testTokens();
  let svc: ServiceUnderTest;
  let api: ReturnType<typeof complaintsApi>;

  beforeAll(async () => {
    svc = await startServiceUnderTest(complaintsService, AppModule, { tokens, env: { KAFKA_TOPIC_PREFIX: `${uniqueName('ck', '-')}.` } });
    api = complaintsApi(svc, tokens);
  });
  afterAll(async () => {
    await svc?.close();
    tokens.cleanup();
  });

  const patch = (path: string, token: string, body: object) => api.http().patch(`/api/v1/complaints${path}`).set({ Authorization: `Bearer ${token}` }).send(body);
  const outboxOf = async (aggregateId: string) =>
    ((await svc.dataSource.query(`SELECT type, payload FROM messaging_outbox WHERE aggregate_id = $1 ORDER BY sequence`, [aggregateId])) as { type: string; payload: string }[]).map((r) => ({
      type: r.type,
      data: JSON.parse(r.payload) as Record<string, unknown>,
    }));

  /** A point drafted and submitted for review by the housing bureau. */
  async function reviewedPoint(category = 'ANSWER_SCRIPT', content: object = CONTENT): Promise<string> {
    const drafted = await api.post('/knowledge-points', api.who.unit, { category, title: 'draft' });
    expect(drafted.status).toBe(201);
    expect(drafted.body).toMatchObject({ status: 'DRAFT', unitId: YX_HOUSING, category });
    const edited = await patch(`/knowledge-points/${drafted.body.id}`, api.who.unit, content);
    expect(edited.status).toBe(200);
    expect((await api.post(`/knowledge-points/${drafted.body.id}/submit`, api.who.unit)).body.status).toBe('IN_REVIEW');
    return drafted.body.id as string;
  }

  async function consultation(): Promise<string> {
    const received = await api.post('/submissions', api.who.agent, { channel: 'PHONE', content: 'How do we add a lift to our building?', serviceCode: 'HOUSING.REPAIR', area: '440104', caller: { name: '韩梅梅', phone: '13812345678' } });
    const registered = await api.post(`/submissions/${received.body.id}/registration`, api.who.agent, { items: [{ type: 'CONSULTATION', scenarioCode: 'HOUSING.REPAIR' }] });
    expect(registered.body.tickets[0].state).toBe('REGISTERED');
    return registered.body.tickets[0].id as string;
  }

  it('publishing: a validity exactly at the cap of its kind is accepted, one day more is refused (422); a direct answer uses the published point', async () => {
    const validFrom = new Date(Date.now() - 60_000);
    const cap = maxValidUntil(calendar, 'ANSWER_SCRIPT', validFrom); // 6 months (002 L1678)
    const over = await reviewedPoint();
    const refused = await api.post(`/knowledge-points/${over}/publish`, api.who.unit, { validFrom: validFrom.toISOString(), validUntil: new Date(cap.getTime() + DAY).toISOString() });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ type: problem('complaints-knowledge-validity-exceeds-cap'), maxValidUntil: cap.toISOString() });
    expect((await api.get(`/knowledge-points/${over}`, api.who.unit)).body.status).toBe('IN_REVIEW');

    // another unit neither sees nor publishes it
    const otherUnit = await api.post(`/knowledge-points/${over}/publish`, api.who.otherUnit, { validFrom: validFrom.toISOString(), validUntil: cap.toISOString() });
    expect(otherUnit.status).toBe(404);

    const published = await api.post(`/knowledge-points/${over}/publish`, api.who.unit, { validFrom: validFrom.toISOString(), validUntil: cap.toISOString() });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'PUBLISHED', validUntil: cap.toISOString(), usableForDirectAnswer: true });
    expect(published.body.upcomingReminders.map((r: { daysBefore: number }) => r.daysBefore)).toEqual([30, 7]);
    const timers = await svc.dataSource.query(`SELECT kind, due_at FROM scheduling_timer WHERE key = $1 AND fired_at IS NULL AND cancelled_at IS NULL ORDER BY kind`, [over]);
    expect(timers).toEqual([
      { kind: KNOWLEDGE_TIMERS.expire, due_at: cap },
      { kind: KNOWLEDGE_TIMERS.expiryReminder, due_at: calendar.addNaturalDays(cap, -30) },
    ]);
    expect((await outboxOf(over)).map((e) => e.type)).toEqual(['complaints.knowledge.published.v1']);

    // the agents find it among the usable points
    const found = await api.get(`/knowledge-points?q=${encodeURIComponent('加装电梯')}`, api.who.agent);
    expect(found.body.items.map((p: { id: string }) => p.id)).toContain(over);

    const ticketId = await consultation();
    const unknown = await api.command(ticketId, 'answer-from-kb', api.who.agent, { knowledgePointIds: ['kp-housing-001'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ type: problem('complaints-knowledge-unknown-point') });
    const answered = await api.command(ticketId, 'answer-from-kb', api.who.agent, { knowledgePointIds: [over] });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ state: 'CLOSED', closeReason: 'ANSWERED_FROM_KB' });
  });

  it('an expired point is refused for a direct answer: the expiry timer fires at validUntil (complaints.knowledge.expired), and a draft is refused too', async () => {
    const pointId = await reviewedPoint('SERVICE_GUIDE');
    const validUntil = new Date(Date.now() + 2_000);
    expect((await api.post(`/knowledge-points/${pointId}/publish`, api.who.unit, { validUntil: validUntil.toISOString() })).status).toBe(200);
    const expired = await waitFor(async () => {
      const events = (await outboxOf(pointId)).filter((e) => e.type === 'complaints.knowledge.expired.v1');
      return events.length > 0 ? events : undefined;
    });
    expect(expired).toHaveLength(1);
    expect(expired[0].data).toMatchObject({ pointId, unitId: YX_HOUSING, category: 'SERVICE_GUIDE', validUntil: validUntil.toISOString() });
    expect((await api.get(`/knowledge-points/${pointId}`, api.who.agent)).body).toMatchObject({ status: 'EXPIRED', usableForDirectAnswer: false });

    const ticketId = await consultation();
    const refused = await api.command(ticketId, 'answer-from-kb', api.who.agent, { knowledgePointIds: [pointId] });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ type: problem('complaints-ticket-knowledge-point-unusable'), unusable: [pointId] });
    const draft = (await api.post('/knowledge-points', api.who.unit, { category: 'POLICY_LAW', ...CONTENT })).body.id as string;
    expect((await api.command(ticketId, 'answer-from-kb', api.who.agent, { knowledgePointIds: [draft] })).status).toBe(422);
    expect((await api.get(`/tickets/${ticketId}`, api.who.agent)).body.state).toBe('REGISTERED');
  });

  it('feedback: raised by the centre, its 2-WD limit already passed, is marked overdue by its timer exactly once; the unit still answers (late)', async () => {
    const pointId = await reviewedPoint();
    await api.post(`/knowledge-points/${pointId}/publish`, api.who.unit, { validUntil: new Date(Date.now() + 30 * DAY).toISOString() });
    const raisedAt = new Date(Date.now() - 10 * DAY);
    const raised = await api.post('/knowledge-feedback', api.who.agent, { kind: 'UNCLEAR', pointId, description: 'Which floor area counts?', raisedAt: raisedAt.toISOString() });
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({ status: 'RAISED', unitId: YX_HOUSING, dueAt: calendar.deadlineWorkingDays(raisedAt, 2).toISOString(), overdue: true });
    expect((await api.post('/knowledge-feedback', api.who.unit, { kind: 'ERROR', pointId, description: 'x' })).status).toBe(403);

    const overdue = await waitFor(async () => {
      const events = (await outboxOf(pointId)).filter((e) => e.type === 'complaints.knowledge.feedback_overdue.v1');
      return events.length > 0 ? events : undefined;
    });
    expect(overdue[0].data).toMatchObject({ feedbackId: raised.body.id, pointId, urgent: false });
    expect((await api.get(`/knowledge-feedback/${raised.body.id}`, api.who.unit)).body).toMatchObject({ status: 'OVERDUE' });
    // the handler runs again (a stale or duplicated timer): nothing more happens
    const { KnowledgeTimersHandler } = await import('../src/knowledge/knowledge-timers.handler');
    await svc.dataSource.transaction((tx) => svc.app.get(KnowledgeTimersHandler).feedbackOverdue({ kind: KNOWLEDGE_TIMERS.feedbackOverdue, key: raised.body.id } as never, tx));
    // No sleep: the feedback's one overdue timer has fired and none is pending, so no poller round can mark it again.
    expect(await svc.dataSource.query(`SELECT fired_at IS NOT NULL AS fired FROM scheduling_timer WHERE key = $1 AND kind = $2`, [raised.body.id, KNOWLEDGE_TIMERS.feedbackOverdue])).toEqual([{ fired: true }]);
    expect((await outboxOf(pointId)).filter((e) => e.type === 'complaints.knowledge.feedback_overdue.v1')).toHaveLength(1);

    expect((await api.post(`/knowledge-feedback/${raised.body.id}/resolve`, api.who.otherUnit, { resolution: 'NO_ACTION', answer: 'x' })).status).toBe(404);
    const resolved = await api.post(`/knowledge-feedback/${raised.body.id}/resolve`, api.who.unit, { resolution: 'ACTED', actions: ['EDIT'], pointIds: [pointId] });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'RESOLVED', resolution: { onTime: false, actions: ['EDIT'] } });
    expect((await outboxOf(pointId)).map((e) => e.type)).toEqual([
      'complaints.knowledge.published.v1',
      'complaints.knowledge.feedback_raised.v1',
      'complaints.knowledge.feedback_overdue.v1',
      'complaints.knowledge.feedback_resolved.v1',
    ]);
    expect((await api.get('/knowledge-feedback?status=RESOLVED', api.who.otherUnit)).body.items).toEqual([]);
  });

  describe('merging duplicates (并单)', () => {
    async function phoneTicket(phone: string, o: { uscc?: string; scenarioCode?: string; content?: string } = {}) {
      const received = await api.post('/submissions', api.who.agent, {
        channel: 'PHONE',
        content: o.content ?? '3号楼电梯坏了一个月',
        serviceCode: o.scenarioCode ?? 'HOUSING.REPAIR',
        area: '440104',
        caller: { name: '李雷', phone },
        ...(o.uscc ? { isMarketEntity: true, uscc: o.uscc } : {}),
      });
      expect(received.status).toBe(201);
      const registered = await api.post(`/submissions/${received.body.id}/registration`, api.who.agent, { items: [{ type: 'COMPLAINT', scenarioCode: o.scenarioCode ?? 'HOUSING.REPAIR', dispatch: {} }] });
      expect(registered.status).toBe(201);
      return registered.body.tickets[0] as { id: string; submissionId: string; unitId: string; deadlineAt: string };
    }

    it('candidates: the same USCC and scenario within 30 ND, scored, never merged by themselves', async () => {
      const uscc = '91440104MA00001B3B';
      const first = await phoneTicket('13900000001', { uscc, scenarioCode: 'MARKET.CONSUMER', content: '商场电梯多次困人' });
      const second = await phoneTicket('13900000002', { uscc, scenarioCode: 'MARKET.CONSUMER', content: '商场电梯困人' });
      const other = await phoneTicket('13900000003', { scenarioCode: 'MARKET.CONSUMER', content: '商场电梯困人' });
      const found = await api.get(`/tickets/${second.id}/duplicate-candidates`, api.who.agent);
      expect(found.status).toBe(200);
      const ids = found.body.candidates.map((c: { ticketId: string }) => c.ticketId);
      expect(ids).toContain(first.id);
      expect(ids).not.toContain(other.id);
      const candidate = found.body.candidates.find((c: { ticketId: string }) => c.ticketId === first.id);
      expect(candidate).toMatchObject({ mergeableInto: true, mergeProblems: [], breakdown: { scenario: 1, location: 1 } });
      expect(candidate.score).toBeGreaterThan(0.5);
      expect((await api.get(`/tickets/${first.id}`, api.who.agent)).body.state).toBe('DISPATCHED');
      expect((await api.get(`/tickets/${second.id}/duplicate-candidates`, api.who.unit)).status).toBe(403);
    });

    it('merge: the secondary closes MERGED and is kept, a DUPLICATE link, its caller joins the primary, callers and units informed; unmerge while the primary is open', async () => {
      const primary = await phoneTicket('13911111111');
      const secondary = await phoneTicket('13922222222');
      const merged = await api.post('/merges', api.who.agent, { primaryTicketId: primary.id, secondaryTicketId: secondary.id, reason: 'Same broken lift, building 3', score: 0.92 });
      expect(merged.status).toBe(201);
      expect(merged.body).toMatchObject({ status: 'MERGED', primaryTicketId: primary.id, secondaryTicketId: secondary.id, secondary: { stateAtMerge: 'DISPATCHED', unitId: YX_HOUSING }, score: 0.92 });
      expect(merged.body.notifications.map((n: { kind: string; recipient: object }) => [n.kind, n.recipient])).toEqual([
        ['CALLER_MERGED', { role: 'caller', ticketId: secondary.id }],
        ['UNIT_CALLER_ADDED', { role: 'unit', unitId: YX_HOUSING }],
      ]);

      const closed = await api.get(`/tickets/${secondary.id}`, api.who.agent);
      expect(closed.body).toMatchObject({ state: 'CLOSED', closeReason: 'MERGED', mergedInto: primary.id });
      const open = await api.get(`/tickets/${primary.id}`, api.who.unit);
      expect(open.body).toMatchObject({ state: 'DISPATCHED', deadlineAt: primary.deadlineAt });
      const links = await api.get(`/tickets/${primary.id}/links`, api.who.unit);
      expect(links.body).toMatchObject({
        links: [{ type: 'DUPLICATE', otherTicketId: secondary.id, direction: 'IN' }],
        additionalCallers: [{ fromTicketId: secondary.id, replyOwed: true, ratingOwed: true }],
      });
      expect(JSON.stringify(links.body)).not.toContain('13922222222');

      const secondaryEvents = (await api.outbox(secondary.submissionId)).map((e) => e.type);
      expect(secondaryEvents.slice(-3)).toEqual(['complaints.ticket.merged.v1', 'complaints.ticket.closed.v1', 'complaints.ticket.linked.v1']);
      expect((await api.outbox(primary.submissionId)).filter((e) => e.type === 'complaints.ticket.linked.v1').map((e) => e.data)).toEqual([
        expect.objectContaining({ ticketId: primary.id, linkType: 'DUPLICATE', linkedTicketId: secondary.id, direction: 'IN' }),
      ]);
      expect((await outboxOf(merged.body.id)).map((e) => [e.type, (e.data.notifications as unknown[]).length])).toEqual([['complaints.merge.merged.v1', 2]]);
      const pendingTimers = await svc.dataSource.query(`SELECT kind FROM scheduling_timer WHERE key = $1 AND fired_at IS NULL AND cancelled_at IS NULL`, [secondary.id]);
      expect(pendingTimers).toEqual([]);

      // a merged ticket cannot be merged again, nor a REPORT with a complaint
      const again = await api.post('/merges', api.who.agent, { primaryTicketId: primary.id, secondaryTicketId: secondary.id, reason: 'again' });
      expect(again.status).toBe(422);
      expect(again.body).toMatchObject({ type: problem('complaints-merge-secondary-state') });

      const unmerged = await api.post(`/merges/${merged.body.id}/unmerge`, api.who.agent, { reason: 'A different lift after all' });
      expect(unmerged.status).toBe(200);
      expect(unmerged.body).toMatchObject({ status: 'UNMERGED', unmergeReason: 'A different lift after all' });
      expect(unmerged.body.notifications.map((n: { kind: string }) => n.kind)).toEqual(['CALLER_UNMERGED', 'UNIT_CALLER_REMOVED']);
      const again2 = (await api.get(`/tickets/${unmerged.body.reregisteredTicketId}`, api.who.agent)).body;
      expect(again2).toMatchObject({ state: 'REGISTERED', submissionId: secondary.submissionId });
      expect((await api.get(`/tickets/${primary.id}/links`, api.who.agent)).body.additionalCallers).toEqual([]);
      expect((await api.get(`/tickets/${unmerged.body.reregisteredTicketId}/links`, api.who.agent)).body.links).toEqual([
        expect.objectContaining({ type: 'RELATED', otherTicketId: secondary.id, direction: 'BOTH' }),
      ]);
      // the original secondary stays closed as it was
      expect((await api.get(`/tickets/${secondary.id}`, api.who.agent)).body).toMatchObject({ state: 'CLOSED', closeReason: 'MERGED' });
      expect((await api.post(`/merges/${merged.body.id}/unmerge`, api.who.agent, { reason: 'twice' })).status).toBe(409);
    });

    it('links by hand: RELATED both ways once (a second time 409); REPEAT needs the same caller and a closed earlier ticket (422); units may not link', async () => {
      const a = await phoneTicket('13933333333');
      const b = await phoneTicket('13944444444');
      const linked = await api.post(`/tickets/${a.id}/links`, api.who.agent, { type: 'RELATED', toTicketId: b.id, note: 'Same estate' });
      expect(linked.status).toBe(201);
      expect(linked.body).toMatchObject({ type: 'RELATED', fromTicketId: a.id, toTicketId: b.id, createdBy: 'agent-1' });
      expect((await api.post(`/tickets/${a.id}/links`, api.who.agent, { type: 'RELATED', toTicketId: b.id })).status).toBe(409);
      const repeat = await api.post(`/tickets/${a.id}/links`, api.who.agent, { type: 'REPEAT', toTicketId: b.id });
      expect(repeat.status).toBe(422);
      expect(repeat.body).toMatchObject({ type: problem('complaints-link-not-same-caller') });
      expect((await api.post(`/tickets/${a.id}/links`, api.who.unit, { type: 'RELATED', toTicketId: b.id })).status).toBe(403);
      expect((await api.get(`/tickets/${b.id}/links`, api.who.otherUnit)).status).toBe(404);
      expect(TH_HOUSING).not.toBe(YX_HOUSING);
    });
  });
});
