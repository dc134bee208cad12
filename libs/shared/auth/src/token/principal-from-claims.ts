import type { Principal } from '../principal';
import { isRole } from '../roles';
import { TokenRejectedError } from './token-rejected.error';

/** A GB/T 2260 district (county-level) code: 6 digits, province 11–82, not a province or city total (…00). */
export const DISTRICT_CODE = /^[1-8]\d{3}(?!00)\d{2}$/;

/**
 * Builds the principal from verified claims `sub`, `roles`, `agency_id`, `district` and `name`.
 * Unknown role strings are dropped (least privilege, and tolerant of roles added upstream first),
 * but at least one known role must remain. An officer must carry an agency. A `district` must be a
 * GB/T 2260 district code (`DISTRICT_CODE`); a malformed one rejects the token.
 */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const { sub, roles, agency_id: agencyId, district, name } = claims;
  if (typeof sub !== 'string' || sub.length === 0) throw rejected('claim sub is missing');
  if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string')) {
    throw rejected('claim roles must be an array of strings');
  }
  const known = [...new Set(roles.filter(isRole))];
  if (known.length === 0) throw rejected('claim roles holds no known role');
  if (agencyId !== undefined && (typeof agencyId !== 'string' || agencyId.length === 0)) {
    throw rejected('claim agency_id must be a non-empty string');
  }
  if (known.includes('officer') && agencyId === undefined) throw rejected('an officer token must carry agency_id');
  if (district !== undefined && (typeof district !== 'string' || !DISTRICT_CODE.test(district))) {
    throw rejected('claim district must be a GB/T 2260 district code (6 digits, e.g. 440104)');
  }
  if (name !== undefined && typeof name !== 'string') throw rejected('claim name must be a string');

  const principal: Principal = { subject: sub, roles: known };
  if (agencyId !== undefined) principal.agencyId = agencyId;
  if (district !== undefined) principal.district = district;
  if (name !== undefined) principal.name = name;
  return Object.freeze(principal);
}

function rejected(detail: string): TokenRejectedError {
  return new TokenRejectedError('claims', detail);
}
