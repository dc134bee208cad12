import { DomainError } from '@one-window/shared/http';

/** Not found, or not visible to the caller (the two are not told apart). */
export class NotFoundError extends DomainError {
  readonly code = 'complaints.not_found';

  constructor(what: string, id: string) {
    super(`${what} ${id} was not found`);
  }
}

/** The dispatch catalogue has no unit for the scenario and area, and none was named. */
export class NoCatalogueEntryError extends DomainError {
  readonly code = 'complaints.dispatch.no_catalogue_entry';

  constructor(scenarioCode: string, area: string | null, catalogueVersion: string) {
    super(`The dispatch catalogue ${catalogueVersion} has no unit for ${scenarioCode} in ${area ?? 'any area'}; name the unit with a reason`, { scenarioCode, area, catalogueVersion });
  }
}

/** The agent named another unit than the catalogue's without a reason (spec §5, design). */
export class OverrideReasonRequiredError extends DomainError {
  readonly code = 'complaints.dispatch.override_reason_required';

  constructor(unitId: string, catalogueUnitId: string | null, catalogueVersion: string) {
    super(`The catalogue ${catalogueVersion} names ${catalogueUnitId ?? 'no unit'}; dispatching to ${unitId} needs overrideReason`, { unitId, catalogueUnitId, catalogueVersion });
  }
}

export class UnknownUnitError extends DomainError {
  readonly code = 'complaints.dispatch.unknown_unit';

  constructor(unitId: string) {
    super(`Unknown handling unit ${unitId}`, { unitId });
  }
}

export class UnknownJurisdictionError extends DomainError {
  readonly code = 'complaints.jurisdiction.unknown';

  constructor(jurisdictionId: string) {
    super(`Unknown jurisdiction ${jurisdictionId}`, { jurisdictionId });
  }
}

export class UnknownKnowledgePointError extends DomainError {
  readonly code = 'complaints.knowledge.unknown_point';

  constructor(ids: string[]) {
    super(`Unknown knowledge points: ${ids.join(', ')}`, { knowledgePointIds: ids });
  }
}

/** The intake lacks how to recognise the caller again: a phone number by phone, an account online (002 L1495). */
export class CallerContactRequiredError extends DomainError {
  readonly code = 'complaints.caller.contact_required';

  constructor(message: string) {
    super(message);
  }
}

/** A channel the principal may not use: agents take PHONE (and enter on behalf), callers WEB / APP / PORTAL / NEW_MEDIA. */
export class ChannelNotAllowedError extends DomainError {
  readonly code = 'complaints.submission.channel_not_allowed';

  constructor(channel: string, role: string) {
    super(`Channel ${channel} is not taken from a ${role}`, { channel, role });
  }
}

/**
 * A district hotline body (区热线工作机构) dispatches only within its district (spec §1, §5): the
 * area, when given, must be its district and the unit one of its district's units. 403; the
 * problem names the field (`field`, `violations`).
 */
export class OutsideDistrictError extends DomainError {
  readonly code = 'complaints.dispatch.outside_district';

  constructor(district: string, field: 'area' | 'unitId', value: string, reason: string) {
    super(`A district hotline body dispatches within its district only: ${field} ${reason}`, { district, field, [field]: value, violations: [{ field, reason }] });
  }
}

/** A capability the spec gives the hotline centre but not a district hotline body (spec §1, "–"). 403. */
export class DistrictNotAllowedError extends DomainError {
  readonly code = 'complaints.district.not_allowed';

  constructor(district: string, what: string) {
    super(`A district hotline body (${district}) may not ${what}; the hotline centre does`, { district });
  }
}
