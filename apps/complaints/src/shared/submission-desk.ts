import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inHotlineScope, Submission, type Outcome } from '@one-window/complaints/domain';
import { SubmissionRepository } from '@one-window/complaints/data-access';
import type { Principal } from '@one-window/shared/auth';
import { assertIfMatch } from '@one-window/shared/http';
import { Timers } from '@one-window/shared/scheduling';
import { accountKey, provenCallerKey } from './caller-keys';
import { ComplaintsEvents } from './complaints-events';
import { NotFoundError } from './errors';
import type { SubmissionRecord } from './submission-record';
import { SUPPLEMENT_LAPSE_TIMER } from './ticket-clocks';
import { hotlineScopeOf } from './ticket-desk';

export type SubmissionPerspective = 'agent' | 'oversight' | 'caller';

/**
 * The centre's agents see every submission, supervisors and admins too; a district hotline body
 * the submissions about its district, read-only ('oversight': intake, registration and supplements
 * are the centre's, spec §1); an applicant only its own (same account, 002 L1495).
 */
export function submissionPerspectiveOf(who: Principal, s: SubmissionRecord): SubmissionPerspective | undefined {
  if (who.roles.includes('hotline-agent')) {
    const scope = hotlineScopeOf(who);
    if (scope.level === 'centre') return 'agent';
    if (inHotlineScope(scope, s.intake.area)) return 'oversight';
  }
  if (who.roles.includes('supervisor') || who.roles.includes('admin')) return 'oversight';
  if (who.roles.includes('applicant') && s.callerKey === accountKey(who.subject)) return 'caller';
  if (provenCallerKey(who) === s.callerKey) return 'caller';
  return undefined;
}

export interface LoadedSubmission {
  readonly record: SubmissionRecord;
  readonly submission: Submission;
  readonly version: number;
  readonly perspective: SubmissionPerspective;
}

/** The submission as shown: its lifecycle and intake; never the caller's identity (GET .../caller, agents only). */
export function submissionView(record: SubmissionRecord, version: number, perspective: SubmissionPerspective) {
  const iso = (d: Date | undefined) => (d ? d.toISOString() : null);
  return {
    id: record.id,
    jurisdictionId: record.jurisdictionId,
    channel: record.channel,
    channelClass: record.channelClass,
    status: record.status,
    receivedAt: record.receivedAt.toISOString(),
    isMarketEntity: record.isMarketEntity,
    uscc: record.uscc ?? null,
    realNameRequired: record.realNameRequired,
    hiddenFields: record.hiddenFields,
    supplement: record.supplement
      ? { requestedAt: record.supplement.requestedAt.toISOString(), missing: record.supplement.missing, dueAt: iso(record.supplement.dueAt), calls: perspective === 'caller' ? undefined : record.supplement.calls.length, suppliedAt: iso(record.supplement.suppliedAt) }
      : null,
    ticketIds: record.ticketIds,
    closeReason: record.closeReason ?? null,
    content: record.intake.content,
    serviceCode: record.intake.serviceCode,
    area: record.intake.area,
    version,
  };
}

export type VersionedSubmissionView = ReturnType<typeof submissionView>;

/** Loads submissions scoped to the caller, saves an outcome with its events and the supplement timer. */
@Injectable()
export class SubmissionDesk {
  constructor(
    private readonly ds: DataSource,
    private readonly submissions: SubmissionRepository,
    private readonly events: ComplaintsEvents,
    private readonly timers: Timers,
  ) {}

  async load(tx: EntityManager, id: string, who: Principal, allowed: readonly SubmissionPerspective[], ifMatch?: string, lock = true): Promise<LoadedSubmission> {
    const stored = await this.submissions.get(tx, id, { lock });
    const record = stored?.doc as SubmissionRecord | undefined;
    const perspective = record ? submissionPerspectiveOf(who, record) : undefined;
    if (!stored || !record || !perspective || !allowed.includes(perspective)) throw new NotFoundError('Submission', id);
    assertIfMatch({ headers: { 'if-match': ifMatch } }, stored.version, { required: false });
    return { record, submission: Submission.restore(record), version: stored.version, perspective };
  }

  read(id: string, who: Principal): Promise<VersionedSubmissionView> {
    return this.ds.transaction(async (tx) => {
      const loaded = await this.load(tx, id, who, ['agent', 'oversight', 'caller'], undefined, false);
      return submissionView(loaded.record, loaded.version, loaded.perspective);
    });
  }

  command(
    id: string,
    who: Principal,
    ifMatch: string | undefined,
    allowed: readonly SubmissionPerspective[],
    command: (submission: Submission, at: Date, loaded: LoadedSubmission) => Outcome<Submission>,
  ): Promise<VersionedSubmissionView> {
    return this.ds.transaction(async (tx) => {
      const loaded = await this.load(tx, id, who, allowed, ifMatch);
      const outcome = command(loaded.submission, new Date(), loaded);
      const saved = await this.save(tx, loaded, outcome);
      return submissionView(saved.record, saved.version, loaded.perspective);
    });
  }

  /** Writes the new state (keeping the intake), appends its events, keeps the supplement-lapse timer in line. */
  async save(tx: EntityManager, loaded: Pick<LoadedSubmission, 'record' | 'version'>, outcome: Outcome<Submission>): Promise<{ record: SubmissionRecord; version: number }> {
    const record: SubmissionRecord = { ...outcome.aggregate.state, intake: loaded.record.intake };
    const version = outcome.aggregate.state === loaded.record ? loaded.version : await this.submissions.update(tx, record, loaded.version);
    await this.events.publish(tx, outcome.events);
    await this.syncTimer(tx, record);
    return { record, version };
  }

  async syncTimer(tx: EntityManager, record: SubmissionRecord): Promise<void> {
    const round = record.supplement;
    if (record.status === 'AWAITING_SUPPLEMENT' && round?.dueAt && !round.suppliedAt) {
      await this.timers.schedule(tx, { kind: SUPPLEMENT_LAPSE_TIMER, key: record.id, dueAt: round.dueAt });
    } else {
      await this.timers.cancel(tx, SUPPLEMENT_LAPSE_TIMER, record.id);
    }
  }
}
