import type { Role } from '../roles';

/** Who did it: the principal, reduced to what an audit trail needs. */
export interface AuditActor {
  subject: string;
  roles: Role[];
  agencyId?: string;
}

/** `success` 1xx–3xx, `rejected` 4xx (the caller's fault or not allowed), `error` 5xx. */
export type AuditResult = 'success' | 'rejected' | 'error';

export interface AuditOutcome {
  status: number;
  result: AuditResult;
}

export interface AuditEntry {
  at: Date;
  /** Null on @Public() routes. */
  actor: AuditActor | null;
  /** Method and route template, e.g. `POST /applications/:id/submit`. */
  action: string;
  /** The concrete path, without query string, e.g. `/applications/42/submit`. */
  resource: string;
  outcome: AuditOutcome;
  requestId?: string;
}

export function auditOutcome(status: number): AuditOutcome {
  return { status, result: status >= 500 ? 'error' : status >= 400 ? 'rejected' : 'success' };
}
