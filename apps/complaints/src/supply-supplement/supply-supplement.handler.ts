import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CALLER_FIELDS } from '@one-window/complaints/domain';
import { CallerRepository } from '@one-window/complaints/data-access';
import type { Principal } from '@one-window/shared/auth';
import { callerActing } from '../shared/acting';
import { SubmissionDesk, submissionView, type VersionedSubmissionView } from '../shared/submission-desk';
import type { SupplySupplementDto } from './supply-supplement.dto';

/**
 * The caller supplies what was missing, from the same phone or account (002 L1495); online within
 * 3 natural days, once (002 L1517). The text is appended to the request; identity details go to
 * the caller's personal data. Back to RECEIVED for registration.
 */
@Injectable()
export class SupplySupplementHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: SubmissionDesk,
    private readonly callers: CallerRepository,
  ) {}

  execute(id: string, body: SupplySupplementDto, who: Principal, ifMatch?: string): Promise<VersionedSubmissionView> {
    return this.ds.transaction(async (tx) => {
      const loaded = await this.desk.load(tx, id, who, ['agent', 'caller'], ifMatch);
      const acting = callerActing(who, body.callerPhone);
      const details = { ...(body.caller ?? {}) };
      const outcome = loaded.submission.supplement({
        at: new Date(),
        actor: acting.actor,
        callerKey: acting.callerKey,
        identityGiven: CALLER_FIELDS.filter((f) => details[f] !== undefined),
      });
      const intake = { ...loaded.record.intake, content: `${loaded.record.intake.content}\n\n[supplement] ${body.content}` };
      const saved = await this.desk.save(tx, { record: { ...loaded.record, intake }, version: loaded.version }, outcome);
      if (body.caller) {
        const caller = await this.callers.forSubmission(tx, id);
        if (caller) await this.callers.update(tx, { ...caller, details: { ...caller.details, ...details } });
      }
      return submissionView(saved.record, saved.version, loaded.perspective);
    });
  }
}
