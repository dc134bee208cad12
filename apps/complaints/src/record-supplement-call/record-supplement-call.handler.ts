import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { SubmissionDesk, type VersionedSubmissionView } from '../shared/submission-desk';
import type { RecordSupplementCallDto } from './record-supplement-call.dto';

/** Phone class: a failed (or refused) call asking for the information; 3 calls ≥15 min apart allow closing INCOMPLETE (002 L1515). */
@Injectable()
export class RecordSupplementCallHandler {
  constructor(private readonly desk: SubmissionDesk) {}

  execute(id: string, body: RecordSupplementCallDto, who: Principal, ifMatch?: string): Promise<VersionedSubmissionView> {
    return this.desk.command(id, who, ifMatch, ['agent'], (s, at) =>
      s.recordSupplementCall({ at: body.at ? new Date(body.at) : at, agentId: who.subject, ...(body.refused !== undefined ? { refused: body.refused } : {}) }),
    );
  }
}
