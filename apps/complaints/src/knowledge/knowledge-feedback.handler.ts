import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InvalidArgumentError, KnowledgeFeedback } from '@one-window/complaints/domain';
import { COMPLAINTS_REFERENCE_DATA, type ComplaintsReferenceData } from '@one-window/complaints/data-access';
import type { Principal } from '@one-window/shared/auth';
import { assertIfMatch } from '@one-window/shared/http';
import { NotFoundError, UnknownUnitError } from '../shared/errors';
import type { ListFeedbackQueryDto, RaiseFeedbackDto, ResolveFeedbackDto } from './knowledge.dto';
import { KnowledgeDesk, officerUnit, seesAllKnowledge } from './knowledge-desk';
import type { KnowledgeFeedbackView } from './knowledge-view';

/**
 * Knowledge point feedback (002 L1680–1682): the centre raises it to the point's unit (or asks a
 * unit for a new point); the unit acts or answers "no action needed" within 2 WD, urgent 1 WD. A
 * durable timer marks it overdue once when the limit passes unanswered.
 */
@Injectable()
export class KnowledgeFeedbackHandler {
  constructor(
    private readonly desk: KnowledgeDesk,
    @Inject(COMPLAINTS_REFERENCE_DATA) private readonly reference: ComplaintsReferenceData,
  ) {}

  raise(body: RaiseFeedbackDto, who: Principal): Promise<KnowledgeFeedbackView> {
    return this.desk.ds.transaction(async (tx) => {
      let unitId = body.unitId;
      let jurisdictionId = this.reference.defaultJurisdictionId;
      if (body.pointId) {
        const point = await this.desk.points.get(tx, body.pointId);
        if (!point) throw new NotFoundError('Knowledge point', body.pointId);
        unitId = point.doc.unitId;
        jurisdictionId = point.doc.jurisdictionId;
      } else if (!unitId || !this.reference.units.some((u) => u.id === unitId)) {
        throw new UnknownUnitError(unitId ?? '(none)');
      }
      const now = new Date();
      const at = body.raisedAt ? new Date(body.raisedAt) : now;
      if (at.getTime() > now.getTime()) throw new InvalidArgumentError('raisedAt is not in the future', { raisedAt: body.raisedAt });
      const outcome = KnowledgeFeedback.raise({
        id: randomUUID(),
        jurisdictionId,
        unitId: unitId as string,
        ...(body.pointId ? { pointId: body.pointId } : {}),
        kind: body.kind,
        urgent: body.urgent ?? false,
        description: body.description,
        at,
        agentId: who.subject,
        calendar: this.desk.calendar,
      });
      const version = await this.desk.saveFeedback(tx, undefined, outcome);
      return this.desk.feedbackView(outcome.aggregate.state, version, now);
    });
  }

  resolve(id: string, body: ResolveFeedbackDto, who: Principal, ifMatch?: string): Promise<KnowledgeFeedbackView> {
    const unitId = officerUnit(who);
    return this.desk.ds.transaction(async (tx) => {
      const stored = await this.desk.feedback.get(tx, id, { lock: true });
      if (!stored || stored.doc.unitId !== unitId) throw new NotFoundError('Knowledge feedback', id);
      assertIfMatch({ headers: { 'if-match': ifMatch } }, stored.version, { required: false });
      const at = new Date();
      const feedback = KnowledgeFeedback.restore(stored.doc);
      const outcome =
        body.resolution === 'ACTED'
          ? feedback.resolveActed({ at, unitId, actions: body.actions ?? [], pointIds: body.pointIds ?? [], ...(body.answer ? { note: body.answer } : {}) })
          : feedback.resolveNoAction({ at, unitId, answer: body.answer ?? '' });
      const version = await this.desk.saveFeedback(tx, stored, outcome);
      return this.desk.feedbackView(outcome.aggregate.state, version, at);
    });
  }

  async read(id: string, who: Principal): Promise<KnowledgeFeedbackView> {
    const stored = await this.desk.feedback.get(this.desk.ds.manager, id);
    if (!stored || !(seesAllKnowledge(who) || stored.doc.unitId === who.agencyId)) throw new NotFoundError('Knowledge feedback', id);
    return this.desk.feedbackView(stored.doc, stored.version);
  }

  /** The centre: all feedback (optionally one unit's); an officer: its unit's. Oldest first, cursor-paged. */
  async list(query: ListFeedbackQueryDto, who: Principal) {
    const unitId = seesAllKnowledge(who) ? query.unitId : officerUnit(who);
    const limit = query.limit ?? 50;
    const where: Record<string, string> = { ...(unitId ? { unit_id: unitId } : {}), ...(query.status ? { status: query.status } : {}) };
    const rows = await this.desk.feedback.list(this.desk.ds.manager, where, { limit: limit + 1, ...(query.after ? { afterId: query.after } : {}) });
    const now = new Date();
    const items = rows.slice(0, limit).map((r) => this.desk.feedbackView(r.doc, r.version, now));
    return { items, ...(rows.length > limit ? { next: items[items.length - 1].id } : {}) };
  }
}
