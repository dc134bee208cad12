import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { parseOpen311RequestQuery, type Open311ServiceRequest } from '@one-window/complaints/domain';
import { Open311Listing, Open311RequestRepository } from '@one-window/complaints/data-access';
import type { Principal } from '@one-window/shared/auth';
import type { SubmissionRecord } from '../../shared/submission-record';
import { Open311Exception } from '../shared/open311-error';
import { Open311Requests } from '../shared/open311-requests';

/** Rows read per round while filling a page (hidden and status-filtered requests are skipped). */
const BATCH = 500;
/** At most this many ids in one `service_request_id` list. */
const MAX_IDS = 1000;

/**
 * GET /requests and GET /requests/{id} (spec §7). The query rules are the domain's
 * (`parseOpen311RequestQuery`: ids override everything, 90-day window, default the last 90 days,
 * capped); the status filter applies to the rolled-up status. REPORT and other HIDDEN requests are
 * never listed; by id they are 404 except to their submitter (applicant token).
 */
@Injectable()
export class GetOpen311RequestsHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly listing: Open311Listing,
    private readonly open311: Open311RequestRepository,
    private readonly requests: Open311Requests,
  ) {}

  async list(query: Record<string, unknown>, now = new Date()): Promise<Open311ServiceRequest[]> {
    const params = Object.fromEntries(Object.entries(query).filter(([, v]) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')))) as Record<string, string | string[]>;
    const parsed = parseOpen311RequestQuery(params, now);
    if (!parsed.ok) throw new Open311Exception(400, parsed.errors);
    const jurisdictionId = typeof query['jurisdiction_id'] === 'string' && query['jurisdiction_id'] !== '' ? query['jurisdiction_id'] : undefined;
    if (jurisdictionId !== undefined && !this.requests.jurisdictionKnown(jurisdictionId)) throw new Open311Exception(404, `jurisdiction_id ${jurisdictionId} not found`);
    const q = parsed.value;
    if (q.kind === 'BY_ID' && q.serviceRequestIds.length > MAX_IDS) throw new Open311Exception(400, `service_request_id lists at most ${MAX_IDS} ids`);
    // One snapshot (REPEATABLE READ): registration writes the submission's status and its tickets together; the roll-up needs both or neither.
    return this.ds.transaction('REPEATABLE READ', async (tx) => {
      if (q.kind === 'BY_ID') {
        const stored = await this.listing.submissions(tx, q.serviceRequestIds);
        const byId = new Map(stored.map((s) => [s.doc.id, s.doc as SubmissionRecord]));
        const records = q.serviceRequestIds.map((id) => byId.get(id)).filter((r): r is SubmissionRecord => r !== undefined);
        return this.present(tx, records);
      }
      const published = this.requests.published().map((t) => t.scenarioCode);
      const serviceCodes = q.serviceCodes ? published.filter((c) => q.serviceCodes?.includes(c)) : published;
      const out: Open311ServiceRequest[] = [];
      for (let offset = 0; out.length < q.limit; offset += BATCH) {
        const stored = await this.listing.submissionsIn(tx, { startDate: q.startDate, endDate: q.endDate, serviceCodes, limit: BATCH, offset });
        const records = stored.map((s) => s.doc as SubmissionRecord).filter((r) => jurisdictionId === undefined || r.jurisdictionId === jurisdictionId);
        const shown = await this.present(tx, records);
        out.push(...shown.filter((r) => !q.statuses || q.statuses.includes(r.status)));
        if (stored.length < BATCH) break;
      }
      return out.slice(0, q.limit);
    });
  }

  async one(id: string, who: Principal | undefined): Promise<Open311ServiceRequest[]> {
    // One snapshot (REPEATABLE READ): the submission's status and its tickets (written together at registration) from the same instant.
    const shown = await this.ds.transaction('REPEATABLE READ', async (tx) => {
      const [stored] = await this.listing.submissions(tx, [id]);
      const record = stored?.doc as SubmissionRecord | undefined;
      const tickets = record ? await this.listing.ticketsOf(tx, [record.id]) : undefined;
      return record ? this.requests.present(record, tickets?.get(record.id) ?? [], await this.open311.get(tx, record.id), this.requests.viewerOf(who, record)) : undefined;
    });
    if (!shown) throw new Open311Exception(404, `service_request_id ${id} not found`);
    return [shown];
  }

  /** In the caller's snapshot `tx` (one connection: the reads run one after the other). */
  private async present(tx: EntityManager, records: readonly SubmissionRecord[]): Promise<Open311ServiceRequest[]> {
    const ids = records.map((r) => r.id);
    const tickets = await this.listing.ticketsOf(tx, ids);
    const extras = await this.open311.many(tx, ids);
    return this.requests.presentAll(records, tickets, extras, 'public');
  }
}
