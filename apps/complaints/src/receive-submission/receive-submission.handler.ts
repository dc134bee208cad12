import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CALLER_FIELDS, Submission, type CallerField, type Channel } from '@one-window/complaints/domain';
import { CallerRepository, COMPLAINTS_REFERENCE_DATA, SubmissionRepository, type ComplaintsReferenceData } from '@one-window/complaints/data-access';
import type { Principal } from '@one-window/shared/auth';
import { accountKey, phoneKey } from '../shared/caller-keys';
import { ComplaintsEvents } from '../shared/complaints-events';
import { CallerContactRequiredError, ChannelNotAllowedError, DistrictNotAllowedError, UnknownJurisdictionError } from '../shared/errors';
import { districtOf } from '../shared/ticket-desk';
import { submissionView, type VersionedSubmissionView } from '../shared/submission-desk';
import type { SubmissionRecord } from '../shared/submission-record';
import type { ReceiveSubmissionDto } from './receive-submission.dto';

/** Channels an agent enters on a caller's behalf, and channels a caller uses online. */
const AGENT_CHANNELS: readonly Channel[] = ['PHONE', 'ASSIGNED', 'GRID', 'OBSERVER'];
const ONLINE_CHANNELS: readonly Channel[] = ['WEB', 'APP', 'PORTAL', 'NEW_MEDIA'];

/**
 * Intake (spec §3.3): the Submission is RECEIVED; the caller's personal data goes to its own table
 * (callerRef), the submission and its tickets keep only an opaque caller key (same phone or
 * account, 002 L1495). Publishes `complaints.submission.received` (no personal data).
 */
@Injectable()
export class ReceiveSubmissionHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly submissions: SubmissionRepository,
    private readonly callers: CallerRepository,
    private readonly events: ComplaintsEvents,
    @Inject(COMPLAINTS_REFERENCE_DATA) private readonly reference: ComplaintsReferenceData,
  ) {}

  async execute(body: ReceiveSubmissionDto, who: Principal): Promise<VersionedSubmissionView> {
    const agent = who.roles.includes('hotline-agent');
    const district = districtOf(who);
    if (district) throw new DistrictNotAllowedError(district, 'take in requests on behalf of callers (spec §1)');
    if (!(agent ? AGENT_CHANNELS : ONLINE_CHANNELS).includes(body.channel)) throw new ChannelNotAllowedError(body.channel, agent ? 'hotline agent' : 'caller online');
    const jurisdictionId = body.jurisdictionId ?? this.reference.defaultJurisdictionId;
    if (!this.reference.jurisdictions.some((j) => j.id === jurisdictionId)) throw new UnknownJurisdictionError(jurisdictionId);
    if (agent && !body.caller?.phone) throw new CallerContactRequiredError('An agent records the phone number the caller called from (caller.phone): later actions use the same number (002 L1495)');
    const callerKey = agent ? phoneKey(body.caller?.phone as string) : accountKey(who.subject);
    const details = { ...(body.caller ?? {}) };
    const identityGiven = CALLER_FIELDS.filter((f) => details[f] !== undefined);
    const id = randomUUID();
    const outcome = Submission.receive({
      id,
      jurisdictionId,
      channel: body.channel,
      agentEntered: agent,
      callerKey,
      actor: agent ? 'hotline_agent' : 'caller',
      at: new Date(),
      realNameRequired: body.realNameRequired ?? false,
      identityGiven,
      hiddenFields: body.hiddenFields ?? [],
      whistleblower: body.whistleblower ?? false,
      isMarketEntity: body.isMarketEntity ?? false,
      ...(body.uscc ? { uscc: body.uscc } : {}),
    });
    const callerRef = randomUUID();
    const record: SubmissionRecord = {
      ...outcome.aggregate.state,
      intake: { content: body.content, serviceCode: body.serviceCode ?? null, area: body.area ?? null, callerRef },
    };
    return this.ds.transaction(async (tx) => {
      const version = await this.submissions.insert(tx, record);
      await this.callers.insert(tx, { id: callerRef, submissionId: id, details, hiddenFields: [...(body.hiddenFields ?? [])] as CallerField[], whistleblower: body.whistleblower ?? false });
      await this.events.publish(tx, outcome.events);
      return submissionView(record, version, agent ? 'agent' : 'caller');
    });
  }
}
