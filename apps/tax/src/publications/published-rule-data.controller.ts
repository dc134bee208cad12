import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { HighRiskListEntryRepository, KeyOperationListRepository, ReliefRuleVersionRepository } from '@one-window/tax/data-access';
import { keyOperationListOn, type ReliefRule } from '@one-window/tax/domain';
import { Roles } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { NotFoundError } from '../shared/errors';
import { ListHighRiskEntriesQuery } from './publications.dto';

/** The published rule data, current and historical: read by admins, officers and supervisors. */
@Controller()
export class PublishedRuleDataController {
  constructor(
    private readonly ds: DataSource,
    private readonly reliefVersions: ReliefRuleVersionRepository,
    private readonly keyOperationLists: KeyOperationListRepository,
    private readonly highRiskEntries: HighRiskListEntryRepository,
    private readonly calendar: WorkingCalendar,
  ) {}

  @Get('relief-rules')
  @ApiOperation({ summary: 'Every published relief-rule version with who published it, whether it is live and what supersedes it (E1, E2): admins, officers, supervisors' })
  @Roles('admin', 'officer', 'supervisor')
  async reliefRules() {
    const all = await this.reliefVersions.all(this.ds.manager);
    const supersededBy = new Map(all.filter((v) => v.rule.supersedes).map((v) => [v.rule.supersedes as string, v.id]));
    return {
      versions: all.map((v) => ({
        ref: v.id,
        ...ruleView(v.rule),
        live: !supersededBy.has(v.id),
        supersededBy: supersededBy.get(v.id) ?? null,
        publishedAt: v.publishedAt.toISOString(),
        publishedBy: v.publishedBy,
        publicationId: v.publicationId,
      })),
    };
  }

  @Get('relief-rules/:ref')
  @ApiOperation({ summary: "One relief-rule version by 'ruleId@version' (as a liability's ruleVersions name it): admins, officers, supervisors" })
  @Roles('admin', 'officer', 'supervisor')
  async reliefRule(@Param('ref') ref: string) {
    const v = await this.reliefVersions.get(this.ds.manager, ref);
    if (!v) throw new NotFoundError('Relief rule version', ref);
    const supersededBy = (await this.reliefVersions.all(this.ds.manager)).find((o) => o.rule.supersedes === v.id)?.id ?? null;
    return { ref: v.id, ...ruleView(v.rule), live: supersededBy === null, supersededBy, publishedAt: v.publishedAt.toISOString(), publishedBy: v.publishedBy, publicationId: v.publicationId };
  }

  @Get('key-operation-lists')
  @ApiOperation({ summary: 'Every published version of the key-operation list (R8.3) and the one in force today: admins, officers, supervisors' })
  @Roles('admin', 'officer', 'supervisor')
  async keyOperations() {
    const all = await this.keyOperationLists.all(this.ds.manager);
    const inForce = keyOperationListOn(
      all.map((v) => v.list),
      this.calendar.localDateOf(new Date()).toString(),
    );
    return {
      inForce: inForce?.version ?? null,
      versions: all.map((v) => ({ ...v.list, publishedAt: v.publishedAt.toISOString(), publishedBy: v.publishedBy, publicationId: v.publicationId })),
    };
  }

  @Get('high-risk-list-entries')
  @ApiOperation({ summary: "Active high-risk list entries (R8.5), by taxpayer (with removed ones) or list: admins, officers, supervisors" })
  @Roles('admin', 'officer', 'supervisor')
  async highRiskEntriesList(@Query() query: ListHighRiskEntriesQuery) {
    const entries = query.taxpayerId
      ? (await this.highRiskEntries.forTaxpayer(this.ds.manager, query.taxpayerId, { all: true })).filter((e) => !query.list || e.list === query.list)
      : await this.highRiskEntries.active(this.ds.manager, { ...(query.list ? { list: query.list } : {}), limit: 1000 });
    return {
      items: entries.map((e) => ({
        taxpayerId: e.taxpayerId,
        list: e.list,
        origin: e.origin,
        date: e.date,
        active: e.active,
        addedBy: e.addedBy,
        addedAt: e.addedAt.toISOString(),
        removedBy: e.removedBy ?? null,
        removedAt: e.removedAt?.toISOString() ?? null,
      })),
    };
  }
}

function ruleView(r: ReliefRule) {
  return {
    ruleId: r.ruleId,
    version: r.version,
    scope: r.scope,
    params: r.params,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    openEnded: r.openEnded ?? null,
    sourceDoc: r.sourceDoc,
    sourceLine: r.sourceLine,
    supersedes: r.supersedes ?? null,
  };
}
