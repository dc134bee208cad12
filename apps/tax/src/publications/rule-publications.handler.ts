import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  HighRiskListEntryRepository,
  KeyOperationListRepository,
  ReliefRuleVersionRepository,
  RulePublicationRepository,
} from '@one-window/tax/data-access';
import {
  applyHighRiskListChange,
  approvePublication,
  highRiskListChangeViolations,
  highRiskListEntryId,
  InvalidPublicationError,
  keyOperationListViolations,
  proposePublication,
  publishKeyOperationList,
  publishReliefRule,
  rejectPublication,
  reliefRulePublicationViolations,
  ruleRef,
  type HighRiskListChange,
  type HighRiskListEntry,
  type PublicationContent,
  type PublicationViolation,
  type ReliefRule,
  type RulePublicationState,
} from '@one-window/tax/domain';
import { AuditSink, type Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { getRequestContext } from '@one-window/shared/http';
import { NotFoundError } from '../shared/errors';
import type { ListPublicationsQuery, ProposeHighRiskListChangeDto, ProposeKeyOperationListDto, ProposeReliefRuleDto } from './publications.dto';
import { publicationView } from './publication-view';

const RESOURCE = '/api/v1/tax/admin/rule-publications';

/**
 * Admin publication of tax rule data with two people (四眼, tax.md §2 Admin [cfg], E2, R8.3, R8.5).
 * An admin proposes a relief-rule version, a key-operation list version or a high-risk list change:
 * its content is checked against what is published now (422 naming each field) and stored as a
 * PROPOSED draft that changes nothing. A different admin approves it: in one transaction the
 * content is checked again against what is published then and written, so it takes effect for
 * every later computation or gate decision; the proposer approving their own draft gets 403. Any
 * admin may reject a draft with a reason: it never takes effect. Each step goes to the audit trail
 * naming the publication and what it publishes (refused steps too, by the platform's interceptor).
 */
@Injectable()
export class RulePublicationsHandler {
  private readonly logger = new Logger(RulePublicationsHandler.name);

  constructor(
    private readonly ds: DataSource,
    private readonly publications: RulePublicationRepository,
    private readonly reliefVersions: ReliefRuleVersionRepository,
    private readonly keyOperationLists: KeyOperationListRepository,
    private readonly highRiskEntries: HighRiskListEntryRepository,
    private readonly calendar: WorkingCalendar,
    private readonly audit: AuditSink,
  ) {}

  proposeReliefRule(dto: ProposeReliefRuleDto, who: Principal) {
    const rule: ReliefRule = {
      ruleId: dto.ruleId,
      version: dto.version,
      scope: { jurisdiction: dto.scope.jurisdiction, subjects: [...dto.scope.subjects] },
      params: { ...dto.params },
      effectiveFrom: dto.effectiveFrom,
      effectiveTo: dto.effectiveTo,
      ...(dto.openEnded ? { openEnded: dto.openEnded } : {}),
      sourceDoc: dto.sourceDoc,
      sourceLine: dto.sourceLine,
      ...(dto.supersedes !== undefined ? { supersedes: dto.supersedes } : {}),
    };
    return this.propose({ kind: 'RELIEF_RULE_VERSION', reliefRule: rule }, dto.note, who);
  }

  proposeKeyOperationList(dto: ProposeKeyOperationListDto, who: Principal) {
    const list = { version: dto.version, effectiveFrom: dto.effectiveFrom, operations: dto.operations.map((o) => ({ operation: o.operation, category: o.category })) };
    return this.propose({ kind: 'KEY_OPERATION_LIST', keyOperationList: list }, dto.note, who);
  }

  proposeHighRiskListChange(dto: ProposeHighRiskListChangeDto, who: Principal) {
    const change: HighRiskListChange = { action: dto.action, entries: dto.entries.map((e) => ({ taxpayerId: e.taxpayerId, list: e.list, origin: e.origin, date: e.date })) };
    return this.propose({ kind: 'HIGH_RISK_LIST_CHANGE', highRiskListChange: change }, dto.note, who);
  }

  async approve(publicationId: string, who: Principal) {
    const at = new Date();
    const view = await this.ds.transaction(async (tx) => {
      const stored = await this.publications.get(tx, publicationId, { lock: true });
      if (!stored) throw new NotFoundError('Rule publication', publicationId);
      await this.publications.lockKind(tx, stored.doc.content.kind);
      const approved = approvePublication(stored.doc, who.subject, at);
      await this.takeEffect(tx, approved, at);
      const version = await this.publications.update(tx, approved, stored.version);
      return publicationView(approved, version);
    });
    await this.record(who, 'approve', view.publicationId, view.subject);
    return view;
  }

  async reject(publicationId: string, reason: string, who: Principal) {
    const view = await this.ds.transaction(async (tx) => {
      const stored = await this.publications.get(tx, publicationId, { lock: true });
      if (!stored) throw new NotFoundError('Rule publication', publicationId);
      const rejected = rejectPublication(stored.doc, who.subject, new Date(), reason);
      const version = await this.publications.update(tx, rejected, stored.version);
      return publicationView(rejected, version);
    });
    await this.record(who, 'reject', view.publicationId, view.subject);
    return view;
  }

  async get(publicationId: string) {
    const stored = await this.publications.get(this.ds.manager, publicationId);
    if (!stored) throw new NotFoundError('Rule publication', publicationId);
    return publicationView(stored.doc, stored.version);
  }

  async list(query: ListPublicationsQuery) {
    const items = await this.publications.list(this.ds.manager, { ...(query.status ? { status: query.status } : {}), ...(query.kind ? { kind: query.kind } : {}) });
    return { items: items.map((s) => publicationView(s.doc, s.version)) };
  }

  private async propose(content: PublicationContent, note: string | undefined, who: Principal) {
    const at = new Date();
    const view = await this.ds.transaction(async (tx) => {
      const violations = await this.violations(tx, content, at);
      if (violations.length > 0) throw new InvalidPublicationError(violations);
      const draft = proposePublication({ publicationId: randomUUID(), content, proposedBy: who.subject, at, ...(note ? { note } : {}) });
      await this.publications.insert(tx, draft);
      return publicationView(draft, 1);
    });
    await this.record(who, 'propose', view.publicationId, view.subject);
    return view;
  }

  /** What is wrong with `content` against what is published now. */
  private async violations(tx: EntityManager, content: PublicationContent, at: Date): Promise<PublicationViolation[]> {
    switch (content.kind) {
      case 'RELIEF_RULE_VERSION':
        return reliefRulePublicationViolations(await this.reliefVersions.book(tx), content.reliefRule);
      case 'KEY_OPERATION_LIST':
        return keyOperationListViolations(content.keyOperationList, (await this.keyOperationLists.all(tx)).map((v) => v.list));
      case 'HIGH_RISK_LIST_CHANGE': {
        const current = await this.currentEntries(tx, content.highRiskListChange, false);
        return highRiskListChangeViolations(content.highRiskListChange, new Map([...current].map(([id, s]) => [id, s.doc])), this.today(at));
      }
    }
  }

  /** Writes what an approved publication publishes; the checks run again against what is published now (422, nothing written). */
  private async takeEffect(tx: EntityManager, p: RulePublicationState, at: Date): Promise<void> {
    const published = { publishedAt: at, publishedBy: p.approval?.by ?? '', publicationId: p.publicationId, proposedBy: p.proposedBy };
    const content = p.content;
    switch (content.kind) {
      case 'RELIEF_RULE_VERSION': {
        const rule = content.reliefRule;
        publishReliefRule(await this.reliefVersions.book(tx), rule);
        await this.reliefVersions.insert(tx, { id: ruleRef(rule), rule, ...published });
        return;
      }
      case 'KEY_OPERATION_LIST': {
        const list = publishKeyOperationList(content.keyOperationList, (await this.keyOperationLists.all(tx)).map((v) => v.list));
        await this.keyOperationLists.insert(tx, { id: list.version, list, ...published });
        return;
      }
      case 'HIGH_RISK_LIST_CHANGE': {
        const current = await this.currentEntries(tx, content.highRiskListChange, true);
        const docs = new Map([...current].map(([id, s]) => [id, s.doc]));
        for (const entry of applyHighRiskListChange(content.highRiskListChange, docs, p.publicationId, at, this.today(at))) {
          await this.highRiskEntries.save(tx, entry, current.get(entry.id)?.version);
        }
        return;
      }
    }
  }

  private async currentEntries(tx: EntityManager, change: HighRiskListChange, lock: boolean) {
    const ids = (Array.isArray(change.entries) ? change.entries : []).map((e) => highRiskListEntryId(e.list, e.taxpayerId));
    if (lock) return this.highRiskEntries.getMany(tx, ids);
    const found = new Map<string, { doc: HighRiskListEntry; version: number }>();
    for (const id of new Set(ids)) {
      const stored = await this.highRiskEntries.get(tx, id);
      if (stored) found.set(id, stored);
    }
    return found;
  }

  private today(at: Date): string {
    return this.calendar.localDateOf(at).toString();
  }

  /** The audit entry of a step, naming the publication and what it publishes (after commit; a lost entry is logged, the step stands). */
  private async record(who: Principal, step: 'propose' | 'approve' | 'reject', publicationId: string, subject: string): Promise<void> {
    const requestId = getRequestContext()?.requestId;
    try {
      await this.audit.record({
        at: new Date(),
        actor: { subject: who.subject, roles: [...who.roles], ...(who.agencyId ? { agencyId: who.agencyId } : {}) },
        action: `tax.rule-publication.${step}`,
        resource: `${RESOURCE}/${publicationId}#${subject}`,
        outcome: { status: step === 'propose' ? 201 : 200, result: 'success' },
        ...(requestId ? { requestId } : {}),
      });
    } catch (error) {
      this.logger.error(`audit entry lost for ${step} of publication ${publicationId}: ${(error as Error).message}`);
    }
  }
}
