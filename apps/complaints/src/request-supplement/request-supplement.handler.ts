import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINTS_REFERENCE_DATA, limitsFor, type ComplaintsReferenceData } from '@one-window/complaints/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { SubmissionDesk, type VersionedSubmissionView } from '../shared/submission-desk';
import type { RequestSupplementDto } from './request-supplement.dto';

/** One notice listing everything missing (002 L1515, L1517): online 3 natural days (timer closes on lapse), by phone 3 calls. */
@Injectable()
export class RequestSupplementHandler {
  constructor(
    private readonly desk: SubmissionDesk,
    private readonly calendar: WorkingCalendar,
    @Inject(COMPLAINTS_REFERENCE_DATA) private readonly reference: ComplaintsReferenceData,
  ) {}

  execute(id: string, body: RequestSupplementDto, who: Principal, ifMatch?: string): Promise<VersionedSubmissionView> {
    return this.desk.command(id, who, ifMatch, ['agent'], (s, at) =>
      s.requestSupplement({
        at,
        agentId: who.subject,
        missing: body.missing,
        ...(body.noticeReceivedAt ? { noticeReceivedAt: new Date(body.noticeReceivedAt) } : {}),
        calendar: this.calendar,
        limits: limitsFor(this.reference, s.state.jurisdictionId),
      }),
    );
  }
}
