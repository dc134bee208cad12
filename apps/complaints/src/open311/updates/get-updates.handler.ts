import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { open311TicketUpdates, parseOpen311DateWindow, toW3cDateTime, type Open311ServiceRequestUpdate } from '@one-window/complaints/domain';
import { Open311Listing, Open311RequestRepository } from '@one-window/complaints/data-access';
import { WorkingCalendar } from '@one-window/shared/calendar';
import type { SubmissionRecord } from '../../shared/submission-record';
import { Open311Exception } from '../shared/open311-error';
import { Open311Requests } from '../shared/open311-requests';

/** At most this many updates in one answer (oldest first: a client continues from the last one's datetime). */
export const MAX_UPDATES = 1000;
/** Tickets read at most per call (those written since the window start). */
const MAX_TICKETS = 5000;
/** Slack on the ticket's `updated_at` (transaction time) against the transitions' instants. */
const SLACK_MS = 86_400_000;

/**
 * FMS GET /servicerequestupdates (spec §7): the public transitions of Open311 requests' tickets
 * (`open311TicketUpdates`) whose instant lies in [start_date, end_date] (the GET /requests window
 * rules: ≤ 90 days, default the last 90), oldest first, at most 1,000. Hidden requests (REPORT)
 * and submissions outside the published templates are left out; nothing personal is shown.
 */
@Injectable()
export class GetOpen311UpdatesHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly listing: Open311Listing,
    private readonly open311: Open311RequestRepository,
    private readonly requests: Open311Requests,
    private readonly calendar: WorkingCalendar,
  ) {}

  async list(query: Record<string, unknown>, now = new Date()): Promise<Open311ServiceRequestUpdate[]> {
    const params = Object.fromEntries(Object.entries(query).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    const window = parseOpen311DateWindow(params, now);
    if (!window.ok) throw new Open311Exception(400, window.errors);
    const { startDate, endDate } = window.value;
    const jurisdictionId = params['jurisdiction_id'] || undefined;
    if (jurisdictionId !== undefined && !this.requests.jurisdictionKnown(jurisdictionId)) throw new Open311Exception(404, `jurisdiction_id ${jurisdictionId} not found`);
    // One snapshot (REPEATABLE READ): submissions and their tickets (registration writes both together) from the same instant.
    const { stored, tickets, extras } = await this.ds.transaction('REPEATABLE READ', async (tx) => {
      const rows: { submission_id: string }[] = await tx.query(
        `SELECT DISTINCT submission_id FROM (SELECT submission_id FROM "ticket" WHERE updated_at >= $1 ORDER BY updated_at LIMIT $2) t`,
        [new Date(startDate.getTime() - SLACK_MS), MAX_TICKETS],
      );
      const ids = rows.map((r) => r.submission_id);
      return { stored: await this.listing.submissions(tx, ids), tickets: await this.listing.ticketsOf(tx, ids), extras: await this.open311.many(tx, ids) };
    });
    const out: { at: number; update: Open311ServiceRequestUpdate }[] = [];
    const unitNames = this.requests.unitNames;
    for (const s of stored) {
      const record = s.doc as SubmissionRecord;
      if (jurisdictionId !== undefined && record.jurisdictionId !== jurisdictionId) continue;
      const own = tickets.get(record.id) ?? [];
      if (!this.requests.present(record, own, extras.get(record.id), 'public')) continue;
      for (const t of own) {
        for (const u of open311TicketUpdates(t, unitNames)) {
          if (u.at.getTime() < startDate.getTime() || u.at.getTime() > endDate.getTime()) continue;
          out.push({
            at: u.at.getTime(),
            update: {
              update_id: u.updateId,
              service_request_id: record.id,
              status: u.status,
              updated_datetime: toW3cDateTime(u.at, this.calendar),
              description: u.description,
              media_url: '',
              external_status_code: u.externalStatusCode,
            },
          });
        }
      }
    }
    return out
      .sort((a, b) => a.at - b.at || a.update.update_id.localeCompare(b.update.update_id))
      .slice(0, MAX_UPDATES)
      .map((u) => u.update);
  }
}
