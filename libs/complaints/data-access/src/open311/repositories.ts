import type { EntityManager } from 'typeorm';
import type { SubmissionState, TicketState } from '@one-window/complaints/domain';
import { DocumentStore, reviveDates, type Stored } from '@one-window/shared/persistence';

/** Location as GeoReport v2 gives it (any of them; none for non-spatial templates). */
export interface Open311Location {
  readonly lat?: number;
  readonly long?: number;
  readonly address?: string;
  readonly addressId?: string;
  readonly zipcode?: string;
}

/** What a POST /requests carried besides the content and the caller (no personal data here). */
export interface Open311RequestRecord {
  /** The Submission id (= service_request_id). */
  readonly id: string;
  /** Batch templates: the token returned instead of the id; realtime ones get one too (never shown). */
  readonly token: string;
  /** The registered client (api_key) that posted it. */
  readonly clientId: string;
  readonly serviceCode: string;
  /** The §2 type the caller chose (`attribute[request_type]`) or the template fixes. */
  readonly requestType?: string;
  /** Template attributes, as validated (caller-identity attributes excluded). */
  readonly attributes: Readonly<Record<string, string | number | readonly string[]>>;
  readonly location: Open311Location;
  readonly mediaUrl?: string;
  /** The client's own account and device ids, echoed back (`account_id`). */
  readonly accountId?: string;
  readonly deviceId?: string;
  readonly requestedAt: Date;
}

/** Open311 per-request data and tokens (`open311_request`). */
export class Open311RequestRepository {
  readonly store = new DocumentStore<Open311RequestRecord>('open311_request', (r) => ({
    token: r.token,
    client_id: r.clientId,
    service_code: r.serviceCode,
    requested_at: r.requestedAt,
  }));

  insert(tx: EntityManager, r: Open311RequestRecord): Promise<number> {
    return this.store.insert(tx, r);
  }

  async get(tx: EntityManager, id: string): Promise<Open311RequestRecord | undefined> {
    return (await this.store.get(tx, id))?.doc;
  }

  async byToken(tx: EntityManager, token: string): Promise<Open311RequestRecord | undefined> {
    const [found] = await this.store.findBy(tx, { token }, { limit: 1 });
    return found?.doc;
  }

  async many(tx: EntityManager, ids: readonly string[]): Promise<Map<string, Open311RequestRecord>> {
    if (ids.length === 0) return new Map();
    const rows: { data: unknown }[] = await tx.query(`SELECT data FROM "open311_request" WHERE id = ANY($1)`, [ids]);
    return new Map(rows.map((r) => reviveDates<Open311RequestRecord>(r.data)).map((r) => [r.id, r]));
  }
}

export interface Open311ApiClient {
  readonly id: string;
  readonly name: string;
  readonly jurisdictionId?: string;
}

/** Registered api keys (`open311_api_client`), looked up by the SHA-256 of the key; revoked keys never match. */
export class Open311ApiClientRepository {
  async byKeyHash(tx: EntityManager, sha256: string): Promise<Open311ApiClient | undefined> {
    const rows: { id: string; name: string; jurisdiction_id: string | null }[] = await tx.query(
      `SELECT id, name, jurisdiction_id FROM "open311_api_client" WHERE api_key_sha256 = $1 AND revoked_at IS NULL`,
      [sha256],
    );
    const row = rows[0];
    return row ? { id: row.id, name: row.name, ...(row.jurisdiction_id ? { jurisdictionId: row.jurisdiction_id } : {}) } : undefined;
  }

  async register(tx: EntityManager, client: Open311ApiClient & { apiKeySha256: string }): Promise<void> {
    await tx.query(`INSERT INTO "open311_api_client" (id, name, api_key_sha256, jurisdiction_id) VALUES ($1, $2, $3, $4)`, [
      client.id,
      client.name,
      client.apiKeySha256,
      client.jurisdictionId ?? null,
    ]);
  }
}

/** A window of GET /requests over every submission (any channel) of the given services, newest first. */
export interface Open311ListingQuery {
  readonly startDate: Date;
  readonly endDate: Date;
  readonly serviceCodes: readonly string[];
  readonly limit: number;
  readonly offset: number;
}

/** Reads the submission and ticket tables for the Open311 listings (reads only; the desks write). */
export class Open311Listing {
  /** Submissions received in [startDate, endDate] whose service code is one of `serviceCodes`, newest first. */
  async submissionsIn(tx: EntityManager, q: Open311ListingQuery): Promise<Stored<SubmissionState>[]> {
    if (q.serviceCodes.length === 0) return [];
    const rows: { data: unknown; version: number }[] = await tx.query(
      `SELECT data, version FROM "submission"
        WHERE (data->>'receivedAt')::timestamptz BETWEEN $1 AND $2
          AND data->'intake'->>'serviceCode' = ANY($3)
        ORDER BY (data->>'receivedAt')::timestamptz DESC, id DESC
        LIMIT $4 OFFSET $5`,
      [q.startDate, q.endDate, q.serviceCodes, q.limit, q.offset],
    );
    return rows.map((r) => ({ doc: reviveDates<SubmissionState>(r.data), version: r.version }));
  }

  /** The submissions with these ids (any order). */
  async submissions(tx: EntityManager, ids: readonly string[]): Promise<Stored<SubmissionState>[]> {
    if (ids.length === 0) return [];
    const rows: { data: unknown; version: number }[] = await tx.query(`SELECT data, version FROM "submission" WHERE id = ANY($1)`, [ids]);
    return rows.map((r) => ({ doc: reviveDates<SubmissionState>(r.data), version: r.version }));
  }

  /** The tickets of these submissions, grouped by submission id, in registration order. */
  async ticketsOf(tx: EntityManager, submissionIds: readonly string[]): Promise<Map<string, TicketState[]>> {
    const out = new Map<string, TicketState[]>();
    if (submissionIds.length === 0) return out;
    const rows: { data: unknown }[] = await tx.query(`SELECT data FROM "ticket" WHERE submission_id = ANY($1) ORDER BY created_at, id`, [submissionIds]);
    for (const t of rows.map((r) => reviveDates<TicketState>(r.data))) {
      const list = out.get(t.submissionId) ?? [];
      list.push(t);
      out.set(t.submissionId, list);
    }
    return out;
  }
}
