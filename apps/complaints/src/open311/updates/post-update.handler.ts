import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CallerField } from '@one-window/complaints/domain';
import { Open311Listing, Open311RequestRepository, type Open311ApiClient } from '@one-window/complaints/data-access';
import type { Principal } from '@one-window/shared/auth';
import { AddFactsHandler } from '../../add-facts/add-facts.handler';
import { accountKey, integratorActingFor, phoneKey } from '../../shared/caller-keys';
import { PHONE } from '../../shared/patterns';
import type { SubmissionRecord } from '../../shared/submission-record';
import { SupplySupplementHandler } from '../../supply-supplement/supply-supplement.handler';
import { WithdrawTicketHandler } from '../../withdraw-ticket/withdraw-ticket.handler';
import { personName } from '../requests/post-request.handler';
import { field } from '../shared/open311-clients';
import { Open311Exception } from '../shared/open311-error';

const MAX_DESCRIPTION = 4000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the update became (design): the supplement, added facts on each open ticket, or the withdrawal of each. */
export type Open311UpdateEffect = 'SUPPLEMENT' | 'ADDED_FACTS' | 'WITHDRAWAL';

export interface Open311PostUpdateResult {
  update_id: string;
}

/**
 * FMS POST /servicerequestupdates (spec §7, design): accepted only from the original submitter
 * (002 L1495): the applicant's own bearer token, the same phone, or the client's own
 * `account_id` / `device_id` / `email` the request was filed with. Then, through the existing
 * use cases, acting as that caller (actor `integrator`):
 *  - `status=closed` → a withdrawal request of every open ticket (002 L1606, withdraw-ticket);
 *  - the submission awaits a supplement → the supplement (002 L1517, supply-supplement);
 *  - tickets open → added facts on each open ticket (002 L1572, add-facts);
 *  - otherwise (not yet registered, or closed) → 400.
 */
@Injectable()
export class PostOpen311UpdateHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly listing: Open311Listing,
    private readonly open311: Open311RequestRepository,
    private readonly supplement: SupplySupplementHandler,
    private readonly addFacts: AddFactsHandler,
    private readonly withdraw: WithdrawTicketHandler,
  ) {}

  async execute(rawBody: unknown, client: Open311ApiClient, clientPrincipal: Principal, applicant: Principal | undefined): Promise<(Open311PostUpdateResult & { effect: Open311UpdateEffect })[]> {
    const body = (rawBody && typeof rawBody === 'object' ? rawBody : {}) as Record<string, unknown>;
    const errors: string[] = [];
    const id = field(body, 'service_request_id');
    if (!id) errors.push('service_request_id is required');
    const description = field(body, 'description');
    const status = (field(body, 'status') ?? 'open').toLowerCase();
    if (status !== 'open' && status !== 'closed') errors.push('status must be open or closed');
    if (description !== undefined && [...description].length > MAX_DESCRIPTION) errors.push(`description is longer than ${MAX_DESCRIPTION} characters`);
    if (description === undefined && status !== 'closed') errors.push('description is required');
    const phone = field(body, 'phone');
    if (phone !== undefined && !PHONE.test(phone)) errors.push('phone is not a phone number');
    const email = field(body, 'email');
    if (email !== undefined && !EMAIL.test(email)) errors.push('email is not an e-mail address');
    const mediaUrl = field(body, 'media_url');
    if (mediaUrl !== undefined && !/^https?:\/\/\S+$/i.test(mediaUrl)) errors.push('media_url must be an http(s) URL');
    if (errors.length > 0 || !id) throw new Open311Exception(400, errors.map((description) => ({ code: 400, description })));

    const tx = this.ds.manager;
    const [stored] = await this.listing.submissions(tx, [id]);
    const record = stored?.doc as SubmissionRecord | undefined;
    if (!record) throw new Open311Exception(404, `service_request_id ${id} not found`);
    const extra = await this.open311.get(tx, id);
    const accountId = field(body, 'account_id');
    const deviceId = field(body, 'device_id');

    // 002 L1495: the same account or phone as the request.
    const keys = new Set<string>();
    if (applicant?.roles.includes('applicant')) keys.add(accountKey(applicant.subject));
    if (phone) keys.add(phoneKey(phone));
    for (const v of [accountId, deviceId, email]) if (v) keys.add(accountKey(`open311:${client.id}:${v}`));
    const sameClientAccount = extra?.clientId === client.id && ((accountId !== undefined && extra.accountId === accountId) || (deviceId !== undefined && extra.deviceId === deviceId));
    if (!keys.has(record.callerKey) && !sameClientAccount) {
      throw new Open311Exception(403, 'Only the original submitter may post updates to this request (the same account or phone, 002 L1495)');
    }
    const who = integratorActingFor(clientPrincipal, record.callerKey);
    const text = [description, mediaUrl ? `[media] ${mediaUrl}` : undefined].filter(Boolean).join('\n').slice(0, MAX_DESCRIPTION);
    const open = (await this.listing.ticketsOf(tx, [id])).get(id)?.filter((t) => t.state !== 'CLOSED') ?? [];
    const updateId = `${id}:fms:${randomUUID()}`;

    if (status === 'closed') {
      if (open.length === 0) throw new Open311Exception(400, record.status === 'CLOSED' || record.ticketIds.length > 0 ? 'The request is already closed' : 'The request is not registered yet: it cannot be withdrawn before registration');
      for (const t of open) await this.withdraw.execute(t.id, {}, who);
      return [{ update_id: updateId, effect: 'WITHDRAWAL' }];
    }
    if (record.status === 'AWAITING_SUPPLEMENT') {
      const name = personName(field(body, 'first_name'), field(body, 'last_name'));
      const caller: Partial<Record<CallerField, string>> = { ...(name ? { name } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}) };
      await this.supplement.execute(id, { content: text, ...(Object.keys(caller).length > 0 ? { caller } : {}) }, who);
      return [{ update_id: updateId, effect: 'SUPPLEMENT' }];
    }
    if (open.length > 0) {
      let added = 0;
      let firstError: unknown;
      for (const t of open) {
        try {
          await this.addFacts.execute(t.id, { summary: text }, who);
          added += 1;
        } catch (e) {
          firstError ??= e;
        }
      }
      if (added === 0) throw firstError;
      return [{ update_id: updateId, effect: 'ADDED_FACTS' }];
    }
    throw new Open311Exception(400, record.status === 'CLOSED' || record.ticketIds.length > 0 ? 'The request is closed: file a new request' : 'The request is not registered yet: updates are accepted once it is registered or while a supplement is awaited');
  }
}
