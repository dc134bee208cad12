import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { KnowledgePointRepository } from '@one-window/complaints/data-access';
import { TicketRuleError, usableForDirectAnswer, type KnowledgePointState, type KnowledgePointUse } from '@one-window/complaints/domain';
import { UnknownKnowledgePointError } from '../shared/errors';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type AnswerFromKnowledgeBaseDto } from './answer-from-knowledge-base.dto';

/**
 * Row #2: the agent answers a CONSULTATION from published, unexpired knowledge points; closes
 * ANSWERED_FROM_KB (002 L1527). The points are the persisted knowledge base's (spec §4): unknown
 * ids, and points not PUBLISHED or outside validFrom ≤ now < validUntil, are refused (422).
 */
@Injectable()
export class AnswerFromKnowledgeBaseHandler {
  constructor(
    private readonly desk: TicketDesk,
    private readonly points: KnowledgePointRepository,
  ) {}

  execute(id: string, body: AnswerFromKnowledgeBaseDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['agent'], async (ticket, ctx) =>
      ticket.answerFromKnowledgeBase({ at: ctx.at, agentId: ctx.who.subject, points: await this.usable(ctx.tx, [...new Set(body.knowledgePointIds)], ctx.at, ticket.state.jurisdictionId) }),
    );
  }

  private async usable(tx: EntityManager, ids: readonly string[], at: Date, jurisdictionId: string): Promise<KnowledgePointUse[]> {
    const found = await this.points.getMany(tx, ids);
    const unknown = ids.filter((id) => !found.some((p) => p.id === id && p.jurisdictionId === jurisdictionId));
    if (unknown.length > 0) throw new UnknownKnowledgePointError(unknown);
    const unusable = found.filter((p) => !usableForDirectAnswer(p, at)).map((p) => p.id);
    if (unusable.length > 0) {
      throw new TicketRuleError('knowledge_point_unusable', 'A direct answer needs published, unexpired knowledge points (002 L1527, L1678)', {
        unusable,
        points: found.filter((p) => unusable.includes(p.id)).map((p) => ({ id: p.id, status: p.status, validFrom: p.validFrom?.toISOString() ?? null, validUntil: p.validUntil?.toISOString() ?? null })),
      });
    }
    const byId = new Map(found.map((p) => [p.id, p]));
    return ids.map((id) => byId.get(id) as KnowledgePointState).map((p) => ({ id: p.id, status: p.status, validUntil: p.validUntil as Date }));
  }
}
