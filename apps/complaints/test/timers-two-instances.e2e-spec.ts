import { Client } from 'pg';
import request from 'supertest';
import { createTestDatabase, ServiceProcess, startAppProcess, TestDatabase, testInfra, testTokens, uniqueName, waitFor } from '@one-window/shared/testing';
import { TICKET_TIMERS } from '../src/shared/ticket-clocks';

const PREFIX = '/api/v1/complaints';
const OVERDUE_EVENT = 'complaints.ticket.overdue.v1';
const PENDING = 'fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL';

/** Tickets whose handling deadlines fall due one after the other, STEP_MS apart, from LEAD_MS after they are created. */
const TICKETS = 40;
const STEP_MS = 25;
const LEAD_MS = 10_000;
/** Tickets HELD.. are row-locked by the test when they fall due: a poller firing one of them stops there, mid-batch. */
const HELD = 20;

/**
 * The ticket clocks' durable timers with two complaints service processes on one database (same
 * migrations, same topic prefix, the same TimerPoller in each), one of them SIGKILLed while it is
 * firing. Each ticket must get exactly one `complaints.ticket.overdue`, each overdue timer row must
 * be fired once, and the survivor must fire what the killed one had claimed but not committed.
 *
 * "While it is firing" is made certain, not left to timing: when the tickets HELD..TICKETS-1 fall
 * due the test holds their `ticket` rows FOR UPDATE, so a poller that claimed their timers has
 * already marked them fired in its open batch and waits in the handler's ticket lock; the instance
 * seen waiting there (pg_stat_activity: the two instances differ only by application_name in the
 * connection string) is killed, then the rows are released.
 */
describe('complaints: ticket timers fire exactly once with two service instances, one SIGKILLed mid-batch (e2e, processes)', () => {
  const tokens = testTokens();
  const agent = tokens.token({ sub: 'agent-1', roles: ['hotline-agent'] }, '2h');
  let db: TestDatabase;
  const instances: Record<string, ServiceProcess> = {};
  let sql: Client;
  let holder: Client | undefined;

  /** Both instances use the same database; application_name tells their sessions apart in pg_stat_activity. */
  const urlFor = (name: string) => {
    const u = new URL(db.url);
    u.searchParams.set('application_name', name);
    return u.toString();
  };

  beforeAll(async () => {
    db = await createTestDatabase('cm_two_instances');
    const env = { KAFKA_BROKERS: testInfra().kafkaBrokers.join(','), KAFKA_TOPIC_PREFIX: `${uniqueName('cm2', '-')}.`, ...tokens.env };
    instances['complaints-a'] = await startAppProcess('complaints', { ...env, DATABASE_URL: urlFor('complaints-a') }, { timeoutMs: 90_000 });
    instances['complaints-b'] = await startAppProcess('complaints', { ...env, DATABASE_URL: urlFor('complaints-b') }, { migrate: false, timeoutMs: 90_000 });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  }, 180_000);

  afterAll(async () => {
    await holder?.end().catch(() => undefined);
    await sql?.end().catch(() => undefined);
    for (const p of Object.values(instances)) await p.stop();
    await db?.drop();
    tokens.cleanup();
  });

  const post = (base: string, path: string, body: object) => request(base).post(`${PREFIX}${path}`).set('Authorization', `Bearer ${agent}`).send(body);

  /** A phone submission registered with one COMPLAINT dispatched at once, under an assigned handling deadline (002 L1537). */
  async function ticketDueAt(base: string, deadline: Date): Promise<string> {
    const received = await post(base, '/submissions', {
      channel: 'PHONE',
      content: 'The lift of building 3 has been broken for a month',
      serviceCode: 'HOUSING.REPAIR',
      area: '440104',
      caller: { name: '韩梅梅', phone: '13812345678' },
    });
    expect(received.status).toBe(201);
    const registered = await post(base, `/submissions/${received.body.id}/registration`, {
      items: [{ type: 'COMPLAINT', scenarioCode: 'HOUSING.REPAIR', dispatch: {}, assignedDeadline: deadline.toISOString() }],
    });
    expect(registered.status).toBe(201);
    expect(registered.body.tickets[0].deadlineAt).toBe(deadline.toISOString());
    return registered.body.tickets[0].id as string;
  }

  /** Committed `complaints.ticket.overdue` outbox rows per ticket id. */
  const overdueEvents = async (): Promise<Map<string, number>> => {
    const { rows } = await sql.query<{ ticket_id: string; n: number }>(
      `SELECT payload::jsonb->>'ticketId' AS ticket_id, count(*)::int AS n FROM messaging_outbox WHERE type = $1 GROUP BY 1`,
      [OVERDUE_EVENT],
    );
    return new Map(rows.map((r) => [r.ticket_id, r.n]));
  };

  it('40 overdue timers, the instance caught firing them is SIGKILLed: every ticket gets one ticket.overdue, every timer fires once, the survivor fires the rest', async () => {
    const a = instances['complaints-a'];
    const t0 = Date.now() + LEAD_MS;
    const deadlines = Array.from({ length: TICKETS }, (_, i) => new Date(t0 + i * STEP_MS));
    const ids: string[] = new Array(TICKETS);
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = next++; i < TICKETS; i = next++) ids[i] = await ticketDueAt(a.url, deadlines[i]);
      }),
    );
    const held = ids.slice(HELD);

    // The T−1 WD reminders of these deadlines are due at once: let them fire before holding ticket rows.
    await waitFor(async () => {
      const { rows } = await sql.query(`SELECT count(*)::int AS n FROM scheduling_timer WHERE kind = $1 AND key = ANY($2) AND ${PENDING}`, [TICKET_TIMERS.warning, ids]);
      return rows[0].n === 0 ? true : undefined;
    });
    const { rows: planned } = await sql.query(`SELECT key FROM scheduling_timer WHERE kind = $1 AND key = ANY($2) AND ${PENDING}`, [TICKET_TIMERS.overdue, ids]);
    expect(planned).toHaveLength(TICKETS); // one pending overdue timer per ticket, none due yet

    holder = new Client({ connectionString: db.url });
    await holder.connect();
    const holderPid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    await holder.query('BEGIN');
    const locked = await holder.query(`SELECT id FROM ticket WHERE id = ANY($1) FOR UPDATE`, [held]);
    expect(locked.rowCount).toBe(held.length);
    if (Date.now() >= t0) throw new Error(`setting up took longer than LEAD_MS (${LEAD_MS} ms): the overdue timers fell due before the ticket rows were held`);

    // A poller that claimed a held ticket's timer waits in the handler's ticket lock, on the holder, with its batch open.
    const firing = await waitFor(async () => {
      const { rows } = await sql.query<{ pid: number; app: string; wrote: boolean }>(
        `SELECT pid, application_name AS app, backend_xid IS NOT NULL AS wrote FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = ANY($1) AND wait_event_type = 'Lock' AND $2 = ANY(pg_blocking_pids(pid))`,
        [Object.keys(instances), holderPid],
      );
      return rows.length > 0 ? (rows.find((r) => r.app === 'complaints-a') ?? rows[0]) : undefined;
    }, LEAD_MS + 30_000);
    expect(firing.wrote).toBe(true); // it has already marked fired the timers of its batch, uncommitted
    // The ticket it is firing: the row its session waits for (the tuple lock it holds while waiting on the holder).
    const { rows: waitingOn } = await sql.query<{ id: string }>(
      `SELECT t.id FROM pg_locks l JOIN ticket t ON t.ctid = format('(%s,%s)', l.page, l.tuple)::tid
        WHERE l.pid = $1 AND l.locktype = 'tuple' AND l.relation = 'ticket'::regclass`,
      [firing.pid],
    );
    expect(waitingOn).toHaveLength(1);
    expect(held).toContain(waitingOn[0].id);

    const victim = instances[firing.app];
    const survivor = instances[firing.app === 'complaints-a' ? 'complaints-b' : 'complaints-a'];
    const before = await overdueEvents();
    await victim.kill();
    expect(victim.child.signalCode).toBe('SIGKILL');
    await holder.query('ROLLBACK');

    // Only the survivor polls now: it fires every timer the victim held uncommitted, and the held tickets'.
    await waitFor(
      async () => {
        const { rows } = await sql.query(`SELECT count(*)::int AS n FROM scheduling_timer WHERE kind = $1 AND key = ANY($2) AND ${PENDING}`, [TICKET_TIMERS.overdue, ids]);
        return rows[0].n === 0 ? true : undefined;
      },
      45_000,
    );
    const after = await overdueEvents();

    // Before the kill: only tickets that were never held had their overdue committed (by either instance).
    expect([...before.keys()].filter((id) => held.includes(id))).toEqual([]);
    expect(before.size).toBeLessThan(TICKETS);
    // After: every ticket exactly one ticket.overdue (no ticket fired by both, none lost with the victim's batch).
    expect(after.size).toBe(TICKETS);
    expect(ids.filter((id) => after.get(id) !== 1)).toEqual([]);
    expect([...after.keys()].filter((id) => !ids.includes(id))).toEqual([]);
    // The rest came after the kill, when the survivor was the only poller alive; it is still up.
    expect(TICKETS - before.size).toBeGreaterThanOrEqual(held.length);
    expect(survivor.child.exitCode).toBeNull();
    expect((await request(survivor.url).get('/readyz')).status).toBe(200);

    // Every overdue timer row fired once: one row per ticket, fired, no retry counted, none failed or pending.
    const { rows: overdueTimers } = await sql.query<{ key: string; fired: number; other: number; attempts: number }>(
      `SELECT key, count(*) FILTER (WHERE fired_at IS NOT NULL)::int AS fired, count(*) FILTER (WHERE fired_at IS NULL)::int AS other, max(attempts)::int AS attempts
         FROM scheduling_timer WHERE kind = $1 AND key = ANY($2) GROUP BY key`,
      [TICKET_TIMERS.overdue, ids],
    );
    expect(overdueTimers).toHaveLength(TICKETS);
    expect(overdueTimers.filter((t) => t.fired !== 1 || t.other !== 0 || t.attempts !== 0)).toEqual([]);
    // No timer of these tickets, of any kind, fired twice or failed; the warnings went out once per ticket.
    const { rows: twice } = await sql.query(
      `SELECT kind, key, count(*)::int AS n FROM scheduling_timer WHERE key = ANY($1) AND fired_at IS NOT NULL GROUP BY kind, key HAVING count(*) > 1`,
      [ids],
    );
    expect(twice).toEqual([]);
    const { rows: failed } = await sql.query(`SELECT kind, key, last_error FROM scheduling_timer WHERE key = ANY($1) AND failed_at IS NOT NULL`, [ids]);
    expect(failed).toEqual([]);
    const { rows: reminders } = await sql.query(
      `SELECT payload::jsonb->>'ticketId' AS ticket_id, count(*)::int AS n FROM messaging_outbox WHERE type = 'complaints.ticket.deadline_approaching.v1' GROUP BY 1 HAVING count(*) > 1`,
    );
    expect(reminders).toEqual([]);
  }, 180_000);
});
