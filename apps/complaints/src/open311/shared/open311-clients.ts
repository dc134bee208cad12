import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import {
  Open311ApiClientRepository,
  OPEN311_REFERENCE_DATA,
  sha256Hex,
  type Open311ApiClient,
  type Open311ReferenceData,
} from '@one-window/complaints/data-access';
import { PRINCIPAL_REQUEST_KEY, TokenRejectedError, TokenVerifier, type Principal, type RequestWithPrincipal } from '@one-window/shared/auth';
import { Open311Exception } from './open311-error';

/** The request after the api key was checked: the client that posts. */
export type Open311Request = Request & RequestWithPrincipal & { open311Client?: Open311ApiClient };

/** A string field of a form or JSON body, or of the query. */
export function field(source: unknown, name: string): string | undefined {
  const v = source && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : typeof s === 'number' ? String(s) : undefined;
}

/**
 * Open311 clients (spec §7: `api_key` maps to a registered `integrator` client): the keys in
 * `open311_api_client` (stored as SHA-256), and outside production the development clients of the
 * reference data. An optional bearer token (an applicant, for `realNameRequired` templates and
 * for the submitter's own view) is verified here too, since Open311 routes are otherwise public.
 */
@Injectable()
export class Open311Clients {
  constructor(
    private readonly ds: DataSource,
    private readonly clients: Open311ApiClientRepository,
    private readonly verifier: TokenVerifier,
    @Inject(OPEN311_REFERENCE_DATA) private readonly reference: Open311ReferenceData,
  ) {}

  async byApiKey(apiKey: string | undefined): Promise<Open311ApiClient> {
    if (!apiKey) throw new Open311Exception(403, 'api_key is required');
    const hash = sha256Hex(apiKey);
    const dev = process.env['NODE_ENV'] === 'production' ? undefined : this.reference.devClients.find((c) => c.apiKeySha256 === hash);
    const client = dev ? { id: dev.id, name: dev.name, ...(dev.jurisdictionId ? { jurisdictionId: dev.jurisdictionId } : {}) } : await this.clients.byKeyHash(this.ds.manager, hash);
    if (!client) throw new Open311Exception(403, 'api_key is not valid');
    return client;
  }

  /** The principal of an `Authorization: Bearer` header; undefined without one; 403 when it is not valid. */
  bearer(req: Request): Principal | undefined {
    const header = req.headers.authorization;
    if (!header) return undefined;
    const m = /^Bearer +(\S+) *$/i.exec(header);
    try {
      if (!m) throw new TokenRejectedError('malformed', 'Authorization header is not "Bearer <token>"');
      return this.verifier.verify(m[1]);
    } catch (e) {
      if (e instanceof TokenRejectedError) throw new Open311Exception(403, e.reason === 'expired' ? 'The access token expired' : 'The access token is invalid');
      throw e;
    }
  }
}

/**
 * On POST routes: the `api_key` (body or query) must be a registered client. The client becomes
 * the request's principal (role `integrator`, subject `open311:<client id>`), so that the audit
 * trail names it and Idempotency-Key values are scoped per client. 403 Open311 error otherwise.
 */
@Injectable()
export class Open311ApiKeyGuard implements CanActivate {
  constructor(private readonly clients: Open311Clients) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Open311Request>();
    const client = await this.clients.byApiKey(field(req.body, 'api_key') ?? field(req.query, 'api_key'));
    req.open311Client = client;
    const principal: Principal = { subject: `open311:${client.id}`, roles: ['integrator'], name: client.name };
    req[PRINCIPAL_REQUEST_KEY] = principal;
    return true;
  }
}
