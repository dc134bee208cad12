import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  complaintsMetrics,
  dayPeriod,
  event,
  knowledgeBaseMetrics,
  monthPeriod,
  periodBounds,
  InvalidArgumentError,
  quarterlyReport,
  quarterPeriod,
  type ComplaintsHistoryEvent,
  type MetricsPeriod,
  type TicketTimeline,
} from '@one-window/complaints/domain';
import { KnowledgeFeedbackRepository, KnowledgePointRepository, QuarterlyReportRepository, TicketEventHistoryRepository, TicketRepository } from '@one-window/complaints/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { ComplaintsEvents } from '../shared/complaints-events';
import { NotFoundError } from '../shared/errors';
import { districtOf } from '../shared/ticket-desk';
import { QUARTER, type MetricsQueryDto, type QuarterlyReportQueryDto } from './reporting.dto';

/** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY-Qn' → the period (the DTO checked the shape). */
export function parsePeriod(label: string): MetricsPeriod {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) return quarterPeriod(Number(quarter[1]), Number(quarter[2]));
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month) return monthPeriod(Number(month[1]), Number(month[2]));
  return dayPeriod(label);
}

/** Whose tickets `who` may count: the centre and oversight any unit (or one), an officer its own unit only. */
export function metricsScope(who: Principal, unitId: string | undefined): string | undefined {
  if (['hotline-agent', 'supervisor', 'admin'].some((r) => who.roles.includes(r as Principal['roles'][number]))) return unitId;
  if (who.roles.includes('officer') && who.agencyId) return who.agencyId;
  throw new NotFoundError('Metrics of', who.subject);
}

/** The events of the tickets in `ids` only (a district hotline body counts its district's tickets, spec §1). */
export function eventsOfTickets(events: readonly ComplaintsHistoryEvent[], ids: ReadonlySet<string>): ComplaintsHistoryEvent[] {
  return events.filter((e) => {
    const ticketId = typeof e.data === 'object' && e.data !== null ? (e.data as { ticketId?: unknown }).ticketId : undefined;
    return typeof ticketId === 'string' && ids.has(ticketId);
  });
}

/**
 * The §6 metrics and the quarterly report, computed on every request from the ticket event
 * history (`ticket_event_history`, appended by the history consumer) with the service's working
 * calendar: never from counters. The history is read as of the end of the period, or now while
 * it runs. A district hotline body always gets its district only: the events of the tickets whose
 * district (TicketRepository's `district` column) is its own (spec §1).
 */
@Injectable()
export class MetricsHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly history: TicketEventHistoryRepository,
    private readonly points: KnowledgePointRepository,
    private readonly feedback: KnowledgeFeedbackRepository,
    private readonly reports: QuarterlyReportRepository,
    private readonly events: ComplaintsEvents,
    private readonly calendar: WorkingCalendar,
    private readonly tickets: TicketRepository,
  ) {}

  async metrics(query: MetricsQueryDto, who: Principal) {
    const unitId = metricsScope(who, query.unitId);
    const period = parsePeriod(query.period);
    const district = districtOf(who);
    const { events, asOf } = await this.read(this.ds.manager, period, query.jurisdictionId, district);
    const snapshot = complaintsMetrics(events, period, this.calendar, { asOf, ...filterOf(unitId) });
    const now = new Date();
    const kb = knowledgeBaseMetrics(this.calendar, await this.points.published(this.ds.manager, unitId), await this.feedback.all(this.ds.manager, unitId), now, usesOf(events));
    return {
      ...snapshot,
      scope: { unitId: unitId ?? null, jurisdictionId: query.jurisdictionId ?? null, district: district ?? null },
      historyEvents: events.length,
      /** The knowledge-base row of §6, as of now (not per period). */
      knowledgeBase: { asOf: now, ...kb },
    };
  }

  async quarterly(label: string, query: QuarterlyReportQueryDto, who: Principal) {
    const unitId = metricsScope(who, query.unitId);
    if (!QUARTER.test(label)) throw new InvalidArgumentError('A quarter is YYYY-Qn', { period: label });
    const quarter = parsePeriod(label);
    const district = districtOf(who);
    const { events, asOf } = await this.read(this.ds.manager, quarter, query.jurisdictionId, district);
    const report = quarterlyReport(events, quarter, this.calendar, { asOf, ...filterOf(unitId) });
    return { ...report, scope: { unitId: unitId ?? null, jurisdictionId: query.jurisdictionId ?? null, district: district ?? null }, historyEvents: events.length };
  }

  /** Generates the quarterly report, stores it as the artefact and publishes `complaints.report.quarterly_generated`. */
  generate(label: string, query: QuarterlyReportQueryDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const report = await this.quarterly(label, query, who);
      const id = randomUUID();
      const at = new Date();
      const artefactRef = `/api/v1/complaints/reports/quarterly/${label}/generated/${id}`;
      await this.reports.insert(tx, { id, period: report.period, unitId: report.scope.unitId, generatedAt: at, generatedBy: who.subject, report });
      await this.events.publish(tx, [event('complaints.report.quarterly_generated', id, id, at, { reportId: id, period: report.period, unitId: report.scope.unitId, artefactRef, occurredAt: at.toISOString() })]);
      return { id, period: report.period, artefactRef, generatedAt: at, report };
    });
  }

  async generated(label: string, id: string, who: Principal) {
    const found = await this.reports.get(this.ds.manager, id);
    const unitId = metricsScope(who, undefined);
    // Generated reports cover a unit or the whole city, never one district: not for a district hotline body.
    if (!found || found.period !== label || (unitId !== undefined && found.unitId !== unitId) || districtOf(who)) throw new NotFoundError('Quarterly report', id);
    return found;
  }

  /** The history as of the end of the period, or now while the period runs; of one district's tickets when `district` is given. */
  private async read(tx: EntityManager, period: MetricsPeriod, jurisdictionId?: string, district?: string): Promise<{ events: ComplaintsHistoryEvent[]; asOf: Date }> {
    const { end } = periodBounds(period, this.calendar);
    const now = Date.now();
    const asOf = new Date(Math.min(now, end.getTime() - 1));
    const all = await this.history.upTo(tx, asOf, jurisdictionId ? { jurisdictionId } : {});
    const events = district ? eventsOfTickets(all, await this.tickets.idsInDistrict(tx, district)) : all;
    return { events, asOf };
  }
}

function filterOf(unitId: string | undefined): { filter?: (t: TicketTimeline) => boolean } {
  return unitId === undefined ? {} : { filter: (t) => t.unitId === unitId };
}

/** The knowledge points direct answers used, with the instant (from `ticket.answered_directly`). */
function usesOf(events: readonly ComplaintsHistoryEvent[]): { pointId: string; at: Date }[] {
  return events
    .filter((e) => e.type === 'complaints.ticket.answered_directly')
    .flatMap((e) => {
      const ids = (e.data as { knowledgePointIds?: unknown }).knowledgePointIds;
      return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string').map((pointId) => ({ pointId, at: new Date(e.occurredAt) })) : [];
    });
}

