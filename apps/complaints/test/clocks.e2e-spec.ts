import type { EntityManager } from 'typeorm';
import { ServiceUnderTest, startServiceUnderTest } from '@one-window/shared/platform';
import type { Timer } from '@one-window/shared/scheduling';
import { testTokens, waitFor } from '@one-window/shared/testing';
import { AppModule } from '../src/app.module';
import { FireTicketClockHandler } from '../src/fire-ticket-clock/fire-ticket-clock.handler';
import { complaintsService } from '../src/service';
import { TICKET_TIMERS } from '../src/shared/ticket-clocks';
import { complaintsApi } from './complaints-api';

/**
 * Clocks that act by themselves: the durable timers are planned from clocksFor after each command
 * and fired by the platform's TimerPoller (the real one, real time). Deadlines already due are made
 * with an assigned deadline (002 L1537) or a supplement notice received days ago.
 */
describe('complaints: timers fire by themselves, once', () => {
  const tokens = testTokens();
  let svc: ServiceUnderTest;
  let api: ReturnType<typeof complaintsApi>;

  beforeAll(async () => {
    svc = await startServiceUnderTest(complaintsService, AppModule, { tokens });
    api = complaintsApi(svc, tokens);
  });
  afterAll(async () => {
    await svc?.close();
    tokens.cleanup();
  });

  const eventsOf = async (submissionId: string, type: string) => (await api.outbox(submissionId)).filter((e) => e.type === type);
  const fireAgain = (kind: string, key: string) =>
    svc.dataSource.transaction((tx: EntityManager) => svc.app.get(FireTicketClockHandler).execute({ kind, key } as Timer, tx));

  it('a handling deadline that has passed marks the ticket overdue and publishes ticket.overdue exactly once, even when the handler runs again', async () => {
    const { ticket, submissionId } = await api.dispatchedTicket({ assignedDeadline: new Date(Date.now() - 3_600_000).toISOString() });
    expect(ticket.deadlineAt).toBe(new Date(Date.parse(ticket.deadlineAt)).toISOString());
    const overdue = await waitFor(async () => {
      const found = await eventsOf(submissionId, 'complaints.ticket.overdue.v1');
      return found.length > 0 ? found : undefined;
    });
    expect(overdue).toHaveLength(1);
    expect(overdue[0].data).toMatchObject({ ticketId: ticket.id, deadlineAt: ticket.deadlineAt, actor: { role: 'timer' }, unitId: ticket.unitId });

    const view = await api.get(`/tickets/${ticket.id}`, api.who.unit);
    expect(view.body).toMatchObject({ overdue: true, state: 'DISPATCHED' });
    const timers = await svc.dataSource.query(`SELECT kind, fired_at IS NOT NULL AS fired FROM scheduling_timer WHERE key = $1 AND kind = $2`, [ticket.id, TICKET_TIMERS.overdue]);
    expect(timers).toEqual([{ kind: TICKET_TIMERS.overdue, fired: true }]);

    // the handler runs again (a stale or duplicated timer), and later commands re-plan the timers: still one event
    await fireAgain(TICKET_TIMERS.overdue, ticket.id);
    expect((await api.command(ticket.id, 'accept', api.who.unit)).status).toBe(200);
    await fireAgain(TICKET_TIMERS.overdue, ticket.id);
    // No sleep: the one overdue timer ever planned has fired and none was planned again, so no poller round can publish a second event.
    expect(await svc.dataSource.query(`SELECT fired_at IS NOT NULL AS fired FROM scheduling_timer WHERE key = $1 AND kind = $2`, [ticket.id, TICKET_TIMERS.overdue])).toEqual([{ fired: true }]);
    expect(await eventsOf(submissionId, 'complaints.ticket.overdue.v1')).toHaveLength(1);
  });

  it('a deadline within its last working day sends ticket.deadline_approaching once (T−1 WD reminder)', async () => {
    const midnight = Date.parse(`${new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10)}T00:00:00+08:00`);
    const deadline = new Date(Math.min(Date.now() + 3_600_000, midnight - 60_000));
    const { ticket, submissionId } = await api.dispatchedTicket({ assignedDeadline: deadline.toISOString() });
    const reminded = await waitFor(async () => {
      const found = await eventsOf(submissionId, 'complaints.ticket.deadline_approaching.v1');
      return found.length > 0 ? found : undefined;
    });
    expect(reminded[0].data).toMatchObject({ ticketId: ticket.id, deadlineAt: deadline.toISOString() });
    await fireAgain(TICKET_TIMERS.warning, ticket.id);
    await api.command(ticket.id, 'accept', api.who.unit);
    // No sleep: the one warning timer ever planned has fired and none was planned again, so no poller round can send a second reminder.
    expect(await svc.dataSource.query(`SELECT fired_at IS NOT NULL AS fired FROM scheduling_timer WHERE key = $1 AND kind = $2`, [ticket.id, TICKET_TIMERS.warning])).toEqual([{ fired: true }]);
    expect(await eventsOf(submissionId, 'complaints.ticket.deadline_approaching.v1')).toHaveLength(1);
    expect(await eventsOf(submissionId, 'complaints.ticket.overdue.v1')).toHaveLength(0);
  });

  it('an online supplement notice whose 3 natural days have passed closes the submission INCOMPLETE by itself', async () => {
    const received = await api.post('/submissions', api.who.caller, { channel: 'APP', content: 'Something is wrong somewhere' });
    const requested = await api.post(`/submissions/${received.body.id}/supplement-request`, api.who.agent, {
      missing: ['where', 'what'],
      noticeReceivedAt: new Date(Date.now() - 4 * 86_400_000).toISOString(),
    });
    expect(requested.body).toMatchObject({ status: 'AWAITING_SUPPLEMENT' });
    const closed = await waitFor(async () => {
      const found = await eventsOf(received.body.id, 'complaints.submission.closed.v1');
      return found.length > 0 ? found : undefined;
    });
    expect(closed).toEqual([expect.objectContaining({ data: expect.objectContaining({ reason: 'INCOMPLETE', submissionId: received.body.id }) })]);
    expect((await api.get(`/submissions/${received.body.id}`, api.who.caller)).body).toMatchObject({ status: 'CLOSED', closeReason: 'INCOMPLETE' });
    const late = await api.post(`/submissions/${received.body.id}/supplement`, api.who.caller, { content: 'too late' });
    expect(late.status).toBe(409);
  });
});
