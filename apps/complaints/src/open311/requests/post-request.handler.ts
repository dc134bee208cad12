import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CALLER_FIELDS,
  open311ServiceDefinitionOf,
  parseW3cDateTime,
  REAL_NAME_FIELDS,
  serviceNoticeFor,
  Submission,
  type CallerField,
  type ComplaintTemplate,
  type Open311Attribute,
  type Open311Error,
  type TicketType,
} from '@one-window/complaints/domain';
import {
  CallerRepository,
  COMPLAINTS_REFERENCE_DATA,
  limitsFor,
  Open311RequestRepository,
  OPEN311_REFERENCE_DATA,
  SubmissionRepository,
  type ComplaintsReferenceData,
  type Open311ApiClient,
  type Open311Location,
  type Open311ReferenceData,
  type Open311RequestRecord,
} from '@one-window/complaints/data-access';
import type { Principal } from '@one-window/shared/auth';
import { accountKey, phoneKey } from '../../shared/caller-keys';
import { ComplaintsEvents } from '../../shared/complaints-events';
import { AREA, PHONE } from '../../shared/patterns';
import type { SubmissionRecord } from '../../shared/submission-record';
import { field } from '../shared/open311-clients';
import { Open311Exception } from '../shared/open311-error';
import { Open311Requests } from '../shared/open311-requests';

/** GeoReport v2 POST /requests result: realtime → the id; batch → a token (spec §7). */
export interface Open311PostResult {
  service_request_id?: string;
  token?: string;
  service_notice: string;
  account_id?: string;
}

const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ID_NUMBER = /^\d{17}[\dX]$/;
const MAX_DESCRIPTION = 4000;
const MAX_TEXT: Readonly<Record<string, number>> = { string: 500, text: MAX_DESCRIPTION };
const CJK = /[\u3400-\u9fff]/;

type AttributeValue = string | number | readonly string[];

/** `attribute[code]=…` as a form body parses (`{attribute: {code: …}}`) or as flat keys (`"attribute[code]"`). */
export function attributesOf(body: Record<string, unknown>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (code: string, v: unknown) => {
    const list = (Array.isArray(v) ? v : [v]).filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map((x) => String(x).trim()).filter((x) => x !== '');
    if (list.length > 0) out.set(code, [...(out.get(code) ?? []), ...list]);
  };
  const nested = body['attribute'];
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) for (const [code, v] of Object.entries(nested)) add(code, v);
  for (const [key, v] of Object.entries(body)) {
    const m = /^attribute\[([^\]]+)\](?:\[\])?$/.exec(key);
    if (m) add(m[1], v);
  }
  return out;
}

/** A person's name from GeoReport first/last name: family name first without a space for Chinese names. */
export function personName(first: string | undefined, last: string | undefined): string | undefined {
  if (!first && !last) return undefined;
  if (!first || !last) return first ?? last;
  return CJK.test(first) || CJK.test(last) ? `${last}${first}` : `${first} ${last}`;
}

/**
 * POST /requests (spec §7): validates a GeoReport v2 request against the template's service
 * definition and creates the Submission through the domain (`Submission.receive`, channel
 * `OPEN311`, actor `integrator`, or `caller` when an applicant token comes with it), with the
 * caller's personal data in its own table and the Open311 data (location, media, attributes,
 * token) in `open311_request`, in one transaction with `complaints.submission.received`.
 */
@Injectable()
export class PostOpen311RequestHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly submissions: SubmissionRepository,
    private readonly callers: CallerRepository,
    private readonly open311Requests: Open311RequestRepository,
    private readonly events: ComplaintsEvents,
    private readonly requests: Open311Requests,
    @Inject(COMPLAINTS_REFERENCE_DATA) private readonly reference: ComplaintsReferenceData,
    @Inject(OPEN311_REFERENCE_DATA) private readonly open311: Open311ReferenceData,
  ) {}

  async execute(rawBody: unknown, client: Open311ApiClient, applicant: Principal | undefined): Promise<Open311PostResult[]> {
    const body = (rawBody && typeof rawBody === 'object' ? rawBody : {}) as Record<string, unknown>;
    const errors: Open311Error[] = [];
    const bad = (description: string) => errors.push({ code: 400, description });
    const str = (name: string, max = 200): string | undefined => {
      const v = field(body, name);
      if (v !== undefined && [...v].length > max) bad(`${name} is longer than ${max} characters`);
      return v;
    };

    const serviceCode = str('service_code', 64);
    if (!serviceCode) throw new Open311Exception(400, 'service_code is required');
    const template = this.requests.template(serviceCode);
    if (!template) throw new Open311Exception(404, `service_code ${serviceCode} not found`);
    const jurisdictionId = str('jurisdiction_id', 20) ?? client.jurisdictionId ?? this.reference.defaultJurisdictionId;
    if (!this.requests.jurisdictionKnown(jurisdictionId)) throw new Open311Exception(404, `jurisdiction_id ${jurisdictionId} not found`);

    const location = this.location(body, template, bad);
    const description = str('description', MAX_DESCRIPTION);
    const mediaUrl = str('media_url', 2000);
    if (mediaUrl !== undefined && !/^https?:\/\/\S+$/i.test(mediaUrl)) bad('media_url must be an http(s) URL');
    const email = str('email', 200);
    if (email !== undefined && !EMAIL.test(email)) bad('email is not an e-mail address');
    const phone = str('phone', 30);
    if (phone !== undefined && !PHONE.test(phone)) bad('phone is not a phone number');
    const name = personName(str('first_name', 50), str('last_name', 50));
    const accountId = str('account_id', 100);
    const deviceId = str('device_id', 100);

    const attributes = this.attributes(body, template, bad);
    if (errors.length > 0) throw new Open311Exception(400, errors);

    const caller: Partial<Record<CallerField, string>> = { ...(name ? { name } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}) };
    const kept: Record<string, AttributeValue> = {};
    for (const [code, value] of Object.entries(attributes)) {
      const callerField = this.open311.callerAttributes[code];
      if (callerField) caller[callerField] = String(value);
      else if (code !== 'hide_fields' && code !== 'request_type' && code !== 'uscc') kept[code] = value;
    }
    if (caller.idNumber !== undefined && !ID_NUMBER.test(caller.idNumber)) throw new Open311Exception(400, 'attribute[id_number] is not an ID number');
    const hiddenFields = ((attributes['hide_fields'] as readonly string[] | undefined) ?? []) as CallerField[];
    const requestType = (template.requestType ?? attributes['request_type']) as TicketType | undefined;
    const uscc = attributes['uscc'] as string | undefined;
    if (uscc !== undefined && !USCC.test(uscc)) throw new Open311Exception(400, 'attribute[uscc] is not a unified social credit code');
    const identityGiven = CALLER_FIELDS.filter((f) => caller[f] !== undefined);

    // 002 L1497–1507: a real name (name, ID number, contact) with an authenticated applicant; none of it hidden.
    const isApplicant = applicant?.roles.includes('applicant') === true;
    if (template.realNameRequired) {
      const missing = REAL_NAME_FIELDS.filter((f) => !identityGiven.includes(f) || hiddenFields.includes(f));
      if (!isApplicant) throw new Open311Exception(400, 'real-name identity required: send an applicant bearer token (Authorization: Bearer …) with this request');
      if (missing.length > 0) throw new Open311Exception(400, `real-name identity required: give ${missing.join(', ')} (first_name/last_name, attribute[id_number], phone), none of them hidden`);
    }

    const callerKey = isApplicant && applicant
      ? accountKey(applicant.subject)
      : phone
        ? phoneKey(phone)
        : accountKey(`open311:${client.id}:${accountId ?? deviceId ?? email ?? randomUUID()}`);
    const at = new Date();
    const id = randomUUID();
    const outcome = Submission.receive({
      id,
      jurisdictionId,
      channel: 'OPEN311',
      agentEntered: false,
      callerKey,
      actor: isApplicant ? 'caller' : 'integrator',
      at,
      realNameRequired: template.realNameRequired,
      identityGiven,
      hiddenFields,
      whistleblower: false,
      isMarketEntity: uscc !== undefined,
      ...(uscc ? { uscc } : {}),
    });
    const callerRef = randomUUID();
    const areaValue = kept[this.open311.areaAttribute];
    const area = typeof areaValue === 'string' && AREA.test(areaValue) ? areaValue : null;
    const content = description ?? [template.name, location.address].filter(Boolean).join(': ');
    const record: SubmissionRecord = { ...outcome.aggregate.state, intake: { content, serviceCode: template.scenarioCode, area, callerRef } };
    const open311: Open311RequestRecord = {
      id,
      token: randomUUID(),
      clientId: client.id,
      serviceCode: template.scenarioCode,
      ...(requestType ? { requestType } : {}),
      attributes: kept,
      location,
      ...(mediaUrl ? { mediaUrl } : {}),
      ...(accountId ? { accountId } : {}),
      ...(deviceId ? { deviceId } : {}),
      requestedAt: at,
    };
    await this.ds.transaction(async (tx) => {
      await this.submissions.insert(tx, record);
      await this.callers.insert(tx, { id: callerRef, submissionId: id, details: caller, hiddenFields, whistleblower: false });
      await this.open311Requests.insert(tx, open311);
      await this.events.publish(tx, outcome.events);
    });
    const serviceNotice = serviceNoticeFor({ ...(requestType ? { requestType } : {}), ...(template.serviceNotice ? { serviceNotice: template.serviceNotice } : {}) }, limitsFor(this.reference, jurisdictionId));
    const result: Open311PostResult =
      template.serviceType === 'batch' ? { token: open311.token, service_notice: serviceNotice } : { service_request_id: id, service_notice: serviceNotice };
    return [{ ...result, ...(accountId ? { account_id: accountId } : {}) }];
  }

  /** lat+long, address_string or address_id; all optional for non-spatial templates (Q12). */
  private location(body: Record<string, unknown>, template: ComplaintTemplate, bad: (d: string) => void): Open311Location {
    const num = (name: string, min: number, max: number) => {
      const raw = field(body, name);
      if (raw === undefined) return undefined;
      const n = Number(raw);
      if (!Number.isFinite(n) || n < min || n > max) {
        bad(`${name} must be a number between ${min} and ${max}`);
        return undefined;
      }
      return n;
    };
    const lat = num('lat', -90, 90);
    const long = num('long', -180, 180);
    const address = field(body, 'address_string');
    const addressId = field(body, 'address_id');
    const zipcode = field(body, 'zipcode');
    if ((field(body, 'lat') === undefined) !== (field(body, 'long') === undefined)) bad('lat and long go together');
    if (address !== undefined && [...address].length > 500) bad('address_string is longer than 500 characters');
    const hasLocation = (lat !== undefined && long !== undefined) || address !== undefined || addressId !== undefined;
    if (!hasLocation && !template.nonSpatial) bad('A location is required: lat and long, address_string or address_id');
    return {
      ...(lat !== undefined && long !== undefined ? { lat, long } : {}),
      ...(address !== undefined ? { address } : {}),
      ...(addressId !== undefined ? { addressId: addressId.slice(0, 100) } : {}),
      ...(zipcode !== undefined ? { zipcode: zipcode.slice(0, 20) } : {}),
    };
  }

  /** The attributes of the service definition, validated by datatype; attributes it does not define are ignored (clients send extras). */
  private attributes(body: Record<string, unknown>, template: ComplaintTemplate, bad: (d: string) => void): Record<string, AttributeValue> {
    const given = attributesOf(body);
    const out: Record<string, AttributeValue> = {};
    for (const a of open311ServiceDefinitionOf(template).attributes) {
      const values = given.get(a.code);
      if (!values) {
        if (a.required) bad(`attribute[${a.code}] is required`);
        continue;
      }
      const value = this.attributeValue(a, values, bad);
      if (value !== undefined) out[a.code] = value;
    }
    return out;
  }

  private attributeValue(a: Open311Attribute, values: string[], bad: (d: string) => void): AttributeValue | undefined {
    const keys = (a.values ?? []).map((v) => v.key);
    const name = `attribute[${a.code}]`;
    if (a.datatype === 'multivaluelist') {
      const list = [...new Set(values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== ''))];
      const unknown = list.filter((v) => !keys.includes(v));
      if (unknown.length > 0) return void bad(`${name}: unknown values ${unknown.join(', ')}`);
      return list;
    }
    if (values.length > 1) return void bad(`${name} takes one value`);
    const v = values[0];
    switch (a.datatype) {
      case 'singlevaluelist':
        if (!keys.includes(v)) return void bad(`${name} must be one of ${keys.join(', ')}`);
        return v;
      case 'number': {
        const n = Number(v);
        if (!Number.isFinite(n)) return void bad(`${name} must be a number`);
        return n;
      }
      case 'datetime':
        if (!parseW3cDateTime(v)) return void bad(`${name} must be a W3C datetime`);
        return v;
      default:
        if ([...v].length > (MAX_TEXT[a.datatype] ?? 500)) return void bad(`${name} is too long`);
        return v;
    }
  }
}
