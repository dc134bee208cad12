import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { SubmissionDesk, type VersionedSubmissionView } from '../shared/submission-desk';
import type { CloseSubmissionDto } from './close-submission.dto';

/** Closes a submission without tickets: INCOMPLETE (002 L1515–1521) or IDENTITY_REFUSED (002 L1507); `submission.closed`. */
@Injectable()
export class CloseSubmissionHandler {
  constructor(private readonly desk: SubmissionDesk) {}

  execute(id: string, body: CloseSubmissionDto, who: Principal, ifMatch?: string): Promise<VersionedSubmissionView> {
    return this.desk.command(id, who, ifMatch, ['agent'], (s, at) =>
      body.ground === 'IDENTITY_REFUSED'
        ? s.refuseIdentity({ at, agentId: who.subject })
        : s.closeIncomplete({ at, actor: 'hotline_agent', reason: body.ground, note: body.note ?? body.ground }),
    );
  }
}
