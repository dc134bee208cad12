import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CallerRepository } from '@one-window/complaints/data-access';
import { AuditSink, type Principal } from '@one-window/shared/auth';
import { getRequestContext } from '@one-window/shared/http';
import { NotFoundError } from '../shared/errors';
import { SubmissionDesk, type VersionedSubmissionView } from '../shared/submission-desk';

/** Reads a submission in the caller's scope; agents may read the caller's identity, audit-logged (spec §2). */
@Injectable()
export class GetSubmissionHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: SubmissionDesk,
    private readonly callers: CallerRepository,
    private readonly audit: AuditSink,
  ) {}

  execute(id: string, who: Principal): Promise<VersionedSubmissionView> {
    return this.desk.read(id, who);
  }

  async caller(id: string, who: Principal) {
    const loaded = await this.desk.load(this.ds.manager, id, who, ['agent'], undefined, false);
    const caller = await this.callers.forSubmission(this.ds.manager, loaded.record.id);
    if (!caller) throw new NotFoundError('Caller of submission', id);
    const requestId = getRequestContext()?.requestId;
    await this.audit.record({
      at: new Date(),
      actor: { subject: who.subject, roles: who.roles, ...(who.agencyId ? { agencyId: who.agencyId } : {}) },
      action: 'READ caller identity',
      resource: `/submissions/${id}/caller`,
      outcome: { status: 200, result: 'success' },
      ...(requestId ? { requestId } : {}),
    });
    return { submissionId: id, details: caller.details, hiddenFields: caller.hiddenFields, whistleblower: caller.whistleblower };
  }
}
