import { Inject, Injectable } from '@nestjs/common';
import {
  open311PublicRequest,
  open311RollUp,
  type ComplaintTemplate,
  type Open311ServiceRequest,
  type Open311SubmissionInput,
  type TicketState,
  type TicketType,
} from '@one-window/complaints/domain';
import {
  COMPLAINTS_REFERENCE_DATA,
  limitsFor,
  OPEN311_REFERENCE_DATA,
  type ComplaintsReferenceData,
  type Open311ReferenceData,
  type Open311RequestRecord,
} from '@one-window/complaints/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { maskText } from '@one-window/shared/http';
import { accountKey } from '../../shared/caller-keys';
import type { SubmissionRecord } from '../../shared/submission-record';
import { open311StatusNotes } from './status-notes';

/** Who reads: the public, or the submitter with its own applicant token (sees HIDDEN, still no personal data). */
export type Open311Viewer = 'public' | 'owner';

/**
 * The Open311 service request of a Submission (spec §7), through the domain's roll-up and
 * visibility rules (`open311PublicRequest`): the template is the published one of the intake's
 * service code (a submission without one is not an Open311 request); units by display name; W3C
 * datetimes in the service calendar's zone; in public views the description is masked like every
 * public text (ID and mobile numbers, spec §2).
 */
@Injectable()
export class Open311Requests {
  readonly unitNames: Readonly<Record<string, string>>;

  constructor(
    private readonly calendar: WorkingCalendar,
    @Inject(COMPLAINTS_REFERENCE_DATA) private readonly reference: ComplaintsReferenceData,
    @Inject(OPEN311_REFERENCE_DATA) private readonly open311: Open311ReferenceData,
  ) {
    this.unitNames = Object.fromEntries(reference.units.map((u) => [u.id, u.name]));
  }

  /** The published templates (Open311 services). */
  published(): ComplaintTemplate[] {
    return this.open311.templates.filter((t) => t.published);
  }

  template(serviceCode: string | null | undefined): ComplaintTemplate | undefined {
    return serviceCode ? this.published().find((t) => t.scenarioCode === serviceCode) : undefined;
  }

  jurisdictionKnown(id: string): boolean {
    return this.reference.jurisdictions.some((j) => j.id === id);
  }

  viewerOf(who: Principal | undefined, record: SubmissionRecord): Open311Viewer {
    return who?.roles.includes('applicant') && record.callerKey === accountKey(who.subject) ? 'owner' : 'public';
  }

  /** The request as `viewer` may see it; undefined when it is not an Open311 request or must stay hidden. */
  present(record: SubmissionRecord, tickets: readonly TicketState[], extra: Open311RequestRecord | undefined, viewer: Open311Viewer): Open311ServiceRequest | undefined {
    const template = this.template(record.intake.serviceCode);
    if (!template) return undefined;
    const ordered = [...tickets].sort((a, b) => a.splitIndex - b.splitIndex);
    const limits = limitsFor(this.reference, record.jurisdictionId);
    const closedAt = [...record.history].reverse().find((h) => h.to === 'CLOSED')?.at;
    const roll = open311RollUp({ status: record.status, receivedAt: record.receivedAt, ...(record.closeReason ? { closeReason: record.closeReason } : {}), ...(closedAt ? { closedAt } : {}) }, ordered, this.calendar, limits);
    const shown = ordered.find((t) => t.id === roll.shownTicketId);
    const notes = open311StatusNotes(record, shown, this.unitNames);
    const requestType = (extra?.requestType ?? template.requestType) as TicketType | undefined;
    const loc = extra?.location ?? {};
    const submission: Open311SubmissionInput = {
      id: record.id,
      status: record.status,
      ...(record.closeReason ? { closeReason: record.closeReason } : {}),
      receivedAt: record.receivedAt,
      ...(closedAt ? { closedAt } : {}),
      serviceCode: template.scenarioCode,
      ...(requestType ? { requestType } : {}),
      hiddenFields: record.hiddenFields,
      description: viewer === 'owner' ? record.intake.content : maskText(record.intake.content),
      ...(loc.address !== undefined ? { address: loc.address } : {}),
      ...(loc.addressId !== undefined ? { addressId: loc.addressId } : {}),
      ...(loc.zipcode !== undefined ? { zipcode: loc.zipcode } : {}),
      ...(loc.lat !== undefined ? { lat: loc.lat } : {}),
      ...(loc.long !== undefined ? { long: loc.long } : {}),
      ...(extra?.mediaUrl !== undefined ? { mediaUrl: extra.mediaUrl } : {}),
      ...(notes ? { statusNotes: notes } : {}),
    };
    return open311PublicRequest({ submission, tickets: ordered, template, unitNames: this.unitNames, calendar: this.calendar, viewer, limits });
  }

  /** Present several submissions loaded together (tickets and Open311 data by submission id). */
  presentAll(
    records: readonly SubmissionRecord[],
    tickets: ReadonlyMap<string, TicketState[]>,
    extras: ReadonlyMap<string, Open311RequestRecord>,
    viewer: Open311Viewer,
  ): Open311ServiceRequest[] {
    return records.map((r) => this.present(r, tickets.get(r.id) ?? [], extras.get(r.id), viewer)).filter((r): r is Open311ServiceRequest => r !== undefined);
  }
}
