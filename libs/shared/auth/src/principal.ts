import type { Role } from './roles';

/** The authenticated caller, built from a verified token. */
export interface Principal {
  /** Claim `sub`. */
  subject: string;
  /** Claim `roles`, restricted to the known roles (never empty). */
  roles: Role[];
  /** Claim `agency_id`; always present for officers. */
  agencyId?: string;
  /**
   * Claim `district`: a GB/T 2260 district (county-level) code such as '440104', binding the principal
   * to one district (e.g. a district hotline body, 区热线工作机构). Absent: no district binding.
   */
  district?: string;
  /** Claim `name`, for display and logs only. */
  name?: string;
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}
