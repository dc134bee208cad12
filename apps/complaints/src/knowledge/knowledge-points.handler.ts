import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { KnowledgePoint, type KnowledgePointContent } from '@one-window/complaints/domain';
import { COMPLAINTS_REFERENCE_DATA, type ComplaintsReferenceData } from '@one-window/complaints/data-access';
import type { Principal } from '@one-window/shared/auth';
import { UnknownJurisdictionError } from '../shared/errors';
import type {
  ConfirmValidityDto,
  DraftKnowledgePointDto,
  EditKnowledgePointDto,
  PublishKnowledgePointDto,
  RejectReviewDto,
  RetireKnowledgePointDto,
  SearchKnowledgePointsQueryDto,
} from './knowledge.dto';
import { KnowledgeDesk, officerUnit, seesAllKnowledge } from './knowledge-desk';
import type { KnowledgePointView } from './knowledge-view';

function content(body: Partial<KnowledgePointContent>): Partial<KnowledgePointContent> {
  const out: Record<string, unknown> = {};
  for (const key of ['title', 'body', 'basis', 'scope', 'applicableSubjects', 'conditions', 'relations', 'faqs'] as const) {
    if (body[key] !== undefined) out[key] = body[key];
  }
  return out as Partial<KnowledgePointContent>;
}

/**
 * The knowledge base (spec §4): a unit (officer of the point's unit) drafts, edits, submits for
 * review, rejects or publishes after review, confirms validity and retires its own points
 * (新增、修改、审核、下架, 002 L1676); the centre searches the published, unexpired ones.
 */
@Injectable()
export class KnowledgePointsHandler {
  constructor(
    private readonly desk: KnowledgeDesk,
    @Inject(COMPLAINTS_REFERENCE_DATA) private readonly reference: ComplaintsReferenceData,
  ) {}

  draft(body: DraftKnowledgePointDto, who: Principal): Promise<KnowledgePointView> {
    const unitId = officerUnit(who);
    const jurisdictionId = body.jurisdictionId ?? this.reference.defaultJurisdictionId;
    if (!this.reference.jurisdictions.some((j) => j.id === jurisdictionId)) throw new UnknownJurisdictionError(jurisdictionId);
    const point = KnowledgePoint.draft({
      id: randomUUID(),
      jurisdictionId,
      unitId,
      category: body.category,
      ...(body.sourceItemId ? { sourceItemId: body.sourceItemId } : {}),
      content: { title: '', body: '', basis: [], scope: '', applicableSubjects: '', conditions: '', relations: [], faqs: [], ...content(body) },
    });
    return this.desk.insertPoint(point);
  }

  edit(id: string, body: EditKnowledgePointDto, who: Principal, ifMatch?: string) {
    return this.desk.commandPoint(id, who, ifMatch, (p, ctx) => p.edit({ at: ctx.at, unitId: ctx.unitId, content: content(body), ...(body.category ? { category: body.category } : {}) }));
  }

  submit(id: string, who: Principal, ifMatch?: string) {
    return this.desk.commandPoint(id, who, ifMatch, (p, ctx) => p.submitForReview({ at: ctx.at, unitId: ctx.unitId }));
  }

  rejectReview(id: string, body: RejectReviewDto, who: Principal, ifMatch?: string) {
    return this.desk.commandPoint(id, who, ifMatch, (p, ctx) => p.rejectReview({ at: ctx.at, unitId: ctx.unitId, note: body.note }));
  }

  publish(id: string, body: PublishKnowledgePointDto, who: Principal, ifMatch?: string) {
    return this.desk.commandPoint(id, who, ifMatch, (p, ctx) =>
      p.publish({ at: ctx.at, unitId: ctx.unitId, calendar: ctx.calendar, validUntil: new Date(body.validUntil), ...(body.validFrom ? { validFrom: new Date(body.validFrom) } : {}) }),
    );
  }

  confirmValidity(id: string, body: ConfirmValidityDto, who: Principal, ifMatch?: string) {
    return this.desk.commandPoint(id, who, ifMatch, (p, ctx) => p.confirmValidity({ at: ctx.at, unitId: ctx.unitId, calendar: ctx.calendar, validUntil: new Date(body.validUntil) }));
  }

  retire(id: string, body: RetireKnowledgePointDto, who: Principal, ifMatch?: string) {
    return this.desk.commandPoint(id, who, ifMatch, (p, ctx) => p.retire({ at: ctx.at, unitId: ctx.unitId, reason: body.reason }));
  }

  read(id: string, who: Principal) {
    return this.desk.readPoint(id, who);
  }

  /** Agents: the published, unexpired points by default (what a direct answer may use); officers: their own unit's points. */
  async search(query: SearchKnowledgePointsQueryDto, who: Principal) {
    const all = seesAllKnowledge(who);
    const unitId = all ? query.unitId : officerUnit(who);
    const now = new Date();
    const usable = query.usable ?? who.roles.includes('hotline-agent');
    const rows = await this.desk.points.search(this.desk.ds.manager, {
      ...(unitId ? { unitId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.category ? { category: query.category } : {}),
      ...(usable ? { usableAt: now } : {}),
      ...(query.q ? { text: query.q } : {}),
      limit: query.limit ?? 50,
    });
    return { items: rows.map((r) => this.desk.pointView(r.doc, r.version, now)) };
  }
}
