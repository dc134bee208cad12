import type { EntityManager } from 'typeorm';
import type { LongRunningIssueState, SupervisionCaseState } from '@one-window/complaints/domain';
import { DocumentStore, reviveDates, type Stored } from '@one-window/shared/persistence';

/** Supervision cases as JSON documents; unit, ticket, kind and status projected. */
export class SupervisionCaseRepository {
  readonly store = new DocumentStore<SupervisionCaseState>('supervision_case', (c) => ({ unit_id: c.unitId, ticket_id: c.ticketId, kind: c.kind, status: c.status }));

  get(tx: EntityManager, id: string, o: { lock?: boolean } = {}): Promise<Stored<SupervisionCaseState> | undefined> {
    return this.store.get(tx, id, o);
  }

  insert(tx: EntityManager, c: SupervisionCaseState): Promise<number> {
    return this.store.insert(tx, c);
  }

  update(tx: EntityManager, c: SupervisionCaseState, expectedVersion: number): Promise<number> {
    return this.store.update(tx, c, expectedVersion);
  }

  list(tx: EntityManager, where: Record<string, string>, page: { limit: number; afterId?: string }): Promise<Stored<SupervisionCaseState>[]> {
    return this.store.findBy(tx, where, page);
  }

  /**
   * `list` restricted to the cases of tickets of one district (the ticket's `district` column):
   * what a district hotline body lists. Oldest first, cursor-paged like `list`.
   */
  async listInTicketDistrict(tx: EntityManager, district: string, where: Record<string, string>, page: { limit: number; afterId?: string }): Promise<Stored<SupervisionCaseState>[]> {
    const params: unknown[] = [district];
    const conds = ['c."ticket_id" IN (SELECT t."id" FROM "ticket" t WHERE t."district" = $1)'];
    for (const [column, value] of Object.entries(where)) {
      if (!['unit_id', 'ticket_id', 'kind', 'status'].includes(column)) throw new Error(`bad column ${column}`);
      params.push(value);
      conds.push(`c."${column}" = $${params.length}`);
    }
    if (page.afterId) {
      params.push(page.afterId);
      conds.push(`(c."created_at", c."id") > (SELECT "created_at", "id" FROM "supervision_case" WHERE "id" = $${params.length})`);
    }
    params.push(Math.min(page.limit, 1000));
    const rows: { data: unknown; version: number }[] = await tx.query(
      `SELECT c."data", c."version" FROM "supervision_case" c WHERE ${conds.join(' AND ')} ORDER BY c."created_at", c."id" LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({ doc: reviveDates<SupervisionCaseState>(r.data), version: r.version }));
  }
}

/** Long-running issues as JSON documents; unit and status projected. */
export class LongRunningIssueRepository {
  readonly store = new DocumentStore<LongRunningIssueState>('long_running_issue', (i) => ({ unit_id: i.unitId, status: i.status }));

  get(tx: EntityManager, id: string, o: { lock?: boolean } = {}): Promise<Stored<LongRunningIssueState> | undefined> {
    return this.store.get(tx, id, o);
  }

  insert(tx: EntityManager, i: LongRunningIssueState): Promise<number> {
    return this.store.insert(tx, i);
  }

  update(tx: EntityManager, i: LongRunningIssueState, expectedVersion: number): Promise<number> {
    return this.store.update(tx, i, expectedVersion);
  }

  list(tx: EntityManager, where: Record<string, string>, page: { limit: number; afterId?: string }): Promise<Stored<LongRunningIssueState>[]> {
    return this.store.findBy(tx, where, page);
  }
}
