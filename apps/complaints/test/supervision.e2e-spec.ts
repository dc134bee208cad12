import type { EntityManager } from 'typeorm';
import { Ticket, type TicketState } from '@one-window/complaints/domain';
import { reviveDates } from '@one-window/shared/persistence';
import { ServiceUnderTest, startServiceUnderTest } from '@one-window/shared/platform';
import type { Timer } from '@one-window/shared/scheduling';
import { testTokens, uniqueName, waitFor } from '@one-window/shared/testing';
import { AppModule } from '../src/app.module';
import { FireTicketClockHandler } from '../src/fire-ticket-clock/fire-ticket-clock.handler';
import { complaintsService } from '../src/service';
import { ESCALATION_TIMER, TicketClocks } from '../src/shared/ticket-clocks';
import { SUPERVISION_TIMERS } from '../src/supervision/supervision-desk';
import { SupervisionTimersHandler } from '../src/supervision/supervision-timers.handler';
import { complaintsApi, YX_HOUSING } from './complaints-api';

const DAY = 86_400_000;

/**
 * Escalations (§3.2), supervision cases (§3.7) and long-running issues (§3.8) against the real
 * database and broker; the durable timers are fired by the platform's TimerPoller by themselves.
 */
describe('complaints: escalations, supervision cases, long-running issues', () => {
  const tokens = testTokens();
  let svc: ServiceUnderTest;
  let api: ReturnType<typeof complaintsApi>;

  beforeAll(async () => {
    svc = await startServiceUnderTest(complaintsService, AppModule, { tokens, env: { KAFKA_TOPIC_PREFIX: `${uniqueName('t', '-')}.` } });
    api = complaintsApi(svc, tokens);
  });
  afterAll(async () => {
    await svc?.close();
    tokens.cleanup();
  });

  const eventsOf = async (aggregateId: string, type: string) => (await api.outbox(aggregateId)).filter((e) => e.type === type);
  /** Instead of sleeping a poller round: the timers under `key` still pending and already due (none: no poller round can add an event). */
  const dueTimers = async (key: string) =>
    (await svc.dataSource.query(`SELECT kind FROM scheduling_timer WHERE key = $1 AND fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()`, [key])) as { kind: string }[];

  it('a dispatch clock already due publishes ticket.escalated by itself, exactly once (re-fired and re-planned: still one)', async () => {
    const received = await api.post('/submissions', api.who.agent, { channel: 'PHONE', content: 'The lift of building 3 has been broken for a month', serviceCode: 'HOUSING.REPAIR', area: '440104', caller: { name: '韩梅梅', phone: '13812345678' } });
    const registered = await api.post(`/submissions/${received.body.id}/registration`, api.who.agent, { items: [{ type: 'COMPLAINT', scenarioCode: 'HOUSING.REPAIR' }] });
    expect(registered.status).toBe(201);
    const ticketId: string = registered.body.tickets[0].id;
    const submissionId: string = received.body.id;
    const pending = await svc.dataSource.query(`SELECT key FROM scheduling_timer WHERE kind = $1 AND key = $2 AND fired_at IS NULL AND cancelled_at IS NULL`, [ESCALATION_TIMER, `${ticketId}:DISPATCH`]);
    expect(pending).toEqual([{ key: `${ticketId}:DISPATCH` }]);

    // the registration was a working day ago: its dispatch deadline has passed (the stored ticket is moved back, its timers re-planned)
    const dueAt = new Date(Date.now() - 60_000);
    await svc.dataSource.transaction(async (tx: EntityManager) => {
      await tx.query(`UPDATE ticket SET data = jsonb_set(data, '{dispatchDueAt}', to_jsonb($2::text)) WHERE id = $1`, [ticketId, dueAt.toISOString()]);
      const [row] = (await tx.query(`SELECT data FROM ticket WHERE id = $1`, [ticketId])) as { data: unknown }[];
      await svc.app.get(TicketClocks).sync(tx, Ticket.restore(reviveDates<TicketState>(row.data)), new Date());
    });
    const escalated = await waitFor(async () => {
      const found = await eventsOf(submissionId, 'complaints.ticket.escalated.v1');
      return found.length > 0 ? found : undefined;
    });
    expect(escalated[0].data).toMatchObject({ ticketId, submissionId, clock: 'DISPATCH', limit: 'DISPATCH', action: 'ESCALATE', dueAt: dueAt.toISOString(), actor: { role: 'timer' }, state: 'REGISTERED' });

    const timer = { kind: ESCALATION_TIMER, key: `${ticketId}:DISPATCH`, payload: { ticketId, clock: 'DISPATCH' } } as unknown as Timer;
    await svc.dataSource.transaction((tx: EntityManager) => svc.app.get(FireTicketClockHandler).escalate(timer, tx));
    await svc.dataSource.transaction(async (tx: EntityManager) => {
      const [row] = (await tx.query(`SELECT data FROM ticket WHERE id = $1`, [ticketId])) as { data: unknown }[];
      await svc.app.get(TicketClocks).sync(tx, Ticket.restore(reviveDates<TicketState>(row.data)), new Date());
    });
    // No sleep: the re-plan left no escalation timer due, so no poller round can escalate again.
    expect(await dueTimers(`${ticketId}:DISPATCH`)).toEqual([]);
    expect(await eventsOf(submissionId, 'complaints.ticket.escalated.v1')).toHaveLength(1);

    // dispatched: the dispatch clock stopped, its timer is cancelled
    const dispatched = await api.command(ticketId, 'dispatch', api.who.agent, {});
    expect(dispatched.status).toBe(200);
    expect(await svc.dataSource.query(`SELECT key FROM scheduling_timer WHERE kind = $1 AND key = $2 AND fired_at IS NULL AND cancelled_at IS NULL`, [ESCALATION_TIMER, `${ticketId}:DISPATCH`])).toEqual([]);
  });

  it('an overdue ticket opens an OVERDUE_UNJUSTIFIED case by itself; the unit responds, the audit fails (same deadline), then passes; other units see nothing', async () => {
    const { ticket } = await api.dispatchedTicket({ assignedDeadline: new Date(Date.now() - 3_600_000).toISOString() });
    const listed = await waitFor(async () => {
      const res = await api.get(`/supervision-cases?ticketId=${ticket.id}`, api.who.agent);
      return res.body.items?.length ? res.body.items : undefined;
    });
    expect(listed).toHaveLength(1);
    const c = listed[0];
    expect(c).toMatchObject({ kind: 'OVERDUE_UNJUSTIFIED', status: 'OPEN', unitId: YX_HOUSING, ticketId: ticket.id, autoProposed: true, openedBy: { role: 'system' } });
    const opened = await eventsOf(c.id, 'complaints.supervision.opened.v1');
    expect(opened).toHaveLength(1);
    expect(opened[0].data).toMatchObject({ caseId: c.id, kind: 'OVERDUE_UNJUSTIFIED', dueAt: c.dueAt, autoProposed: true });

    expect((await api.get(`/supervision-cases/${c.id}`, api.who.otherUnit)).status).toBe(404);
    expect((await api.post(`/supervision-cases/${c.id}/respond`, api.who.otherUnit, { response: 'not ours' })).status).toBe(404);
    expect((await api.get(`/supervision-cases?ticketId=${ticket.id}`, api.who.otherUnit)).body.items).toEqual([]);
    expect((await api.get(`/supervision-cases/${c.id}`, api.who.unit)).status).toBe(200);

    const responded = await api.post(`/supervision-cases/${c.id}/respond`, api.who.unit, { response: 'Parts on order; the delay was the supplier' });
    expect(responded.status).toBe(200);
    expect(responded.body).toMatchObject({ status: 'RESPONDED' });
    expect((await api.post(`/supervision-cases/${c.id}/audit`, api.who.unit, { passed: true })).status).toBe(403);
    const failed = await api.post(`/supervision-cases/${c.id}/audit`, api.who.agent, { passed: false, reasons: ['no date for the repair'] });
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ status: 'OPEN', dueAt: c.dueAt });
    expect((await api.post(`/supervision-cases/${c.id}/audit`, api.who.agent, { passed: true })).status).toBe(409);
    await api.post(`/supervision-cases/${c.id}/respond`, api.who.unit, { response: 'Repair on Friday; the delay was the supplier' });
    const passed = await api.post(`/supervision-cases/${c.id}/audit`, api.who.agent, { passed: true });
    expect(passed.body).toMatchObject({ status: 'CLOSED' });
    const types = (await api.outbox(c.id)).map((e) => e.type);
    expect(types).toEqual(['complaints.supervision.opened.v1', 'complaints.supervision.responded.v1', 'complaints.supervision.audit_failed.v1', 'complaints.supervision.responded.v1', 'complaints.supervision.closed.v1']);
  });

  it('a case received days ago with no response is marked overdue once by its timer', async () => {
    const { ticket } = await api.dispatchedTicket();
    const opened = await api.post('/supervision-cases', api.who.agent, { ticketId: ticket.id, kind: 'FEEDBACK_NONCOMPLIANT', requirements: 'Send a compliant report', openedAt: new Date(Date.now() - 20 * DAY).toISOString() });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ kind: 'FEEDBACK_NONCOMPLIANT', status: 'OPEN', overdue: true });
    const overdue = await waitFor(async () => {
      const found = await eventsOf(opened.body.id, 'complaints.supervision.overdue.v1');
      return found.length > 0 ? found : undefined;
    });
    expect(overdue[0].data).toMatchObject({ caseId: opened.body.id, actor: { role: 'timer' } });
    await svc.dataSource.transaction((tx: EntityManager) => svc.app.get(SupervisionTimersHandler).caseOverdue({ kind: SUPERVISION_TIMERS.caseOverdue, key: opened.body.id } as Timer, tx));
    // No sleep: no timer of the case is due, so no poller round can mark it again.
    expect(await dueTimers(opened.body.id)).toEqual([]);
    expect(await eventsOf(opened.body.id, 'complaints.supervision.overdue.v1')).toHaveLength(1);
    expect((await api.post('/supervision-cases', api.who.unit, { ticketId: ticket.id, kind: 'FEEDBACK_NONCOMPLIANT', requirements: 'x' })).status).toBe(403);
  });

  it('a long-running issue: flagged, the unit notified 20 days ago → plan overdue by itself once; plan filed late, progress reported; other units 404', async () => {
    const { ticket } = await api.dispatchedTicket();
    const flagged = await api.post('/long-running-issues', api.who.agent, { unitId: YX_HOUSING, title: 'Old lifts in the district', ticketIds: [ticket.id] });
    expect(flagged.status).toBe(201);
    const id: string = flagged.body.id;
    expect(flagged.body).toMatchObject({ status: 'FLAGGED', ticketIds: [ticket.id] });
    const notified = await api.post(`/long-running-issues/${id}/notify`, api.who.agent, { notifiedAt: new Date(Date.now() - 20 * DAY).toISOString() });
    expect(notified.status).toBe(200);
    expect(notified.body.status).toBe('PLAN_DUE');
    const planOverdue = await waitFor(async () => {
      const found = await eventsOf(id, 'complaints.issue.plan_overdue.v1');
      return found.length > 0 ? found : undefined;
    });
    expect(planOverdue[0].data).toMatchObject({ issueId: id, state: 'PLAN_DUE', linkedTicketIds: [ticket.id], nextUpdateDueAt: notified.body.planDueAt });

    expect((await api.post(`/long-running-issues/${id}/plan`, api.who.otherUnit, { text: 'not ours' })).status).toBe(404);
    expect((await api.get(`/long-running-issues/${id}`, api.who.otherUnit)).status).toBe(404);
    const plan = await api.post(`/long-running-issues/${id}/plan`, api.who.unit, { text: 'Replace 12 lifts by 2027' });
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ status: 'ACTIVE', plan: { onTime: false } });
    const monthEnd = await svc.dataSource.query(`SELECT due_at FROM scheduling_timer WHERE kind = $1 AND key = $2 AND fired_at IS NULL AND cancelled_at IS NULL`, [SUPERVISION_TIMERS.progressMonthEnd, id]);
    expect(monthEnd).toHaveLength(1);
    expect(new Date(monthEnd[0].due_at).toISOString()).toBe(plan.body.nextUpdateDueAt);
    const progress = await api.post(`/long-running-issues/${id}/progress`, api.who.unit, { text: '3 lifts replaced' });
    expect(progress.status).toBe(200);
    // No sleep: no timer of the issue is due, so no poller round can add an event to the list below.
    expect(await dueTimers(id)).toEqual([]);
    const types = (await api.outbox(id)).map((e) => e.type);
    expect(types).toEqual(['complaints.issue.flagged.v1', 'complaints.issue.unit_notified.v1', 'complaints.issue.plan_overdue.v1', 'complaints.issue.plan_filed.v1', 'complaints.issue.progress_reported.v1']);
    expect((await api.get('/long-running-issues', api.who.otherUnit)).body.items.map((i: { id: string }) => i.id)).not.toContain(id);

    // a new ticket on the issue: added and linked SAME_ISSUE to the issue's first ticket (002 L1624)
    const second = await api.dispatchedTicket();
    const linked = await api.post(`/long-running-issues/${id}/tickets`, api.who.agent, { ticketId: second.ticket.id });
    expect(linked.status).toBe(200);
    expect(linked.body.ticketIds).toEqual([ticket.id, second.ticket.id]);
    const links = await eventsOf(second.submissionId, 'complaints.ticket.linked.v1');
    expect(links.map((e) => e.data)).toContainEqual(expect.objectContaining({ linkType: 'SAME_ISSUE' }));
    expect((await api.post(`/long-running-issues/${id}/tickets`, api.who.agent, { ticketId: second.ticket.id })).status).toBe(422);
  });
});
