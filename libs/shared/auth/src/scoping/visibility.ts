import type { Principal } from '../principal';
import type { Role } from '../roles';

/**
 * How far a role sees personal data (applications, cases, complaints):
 * - `all`    everything
 * - `agency` resources whose agencyId is the principal's agencyId
 * - `own`    resources whose ownerId is the principal's subject
 * - `none`   nothing through the generic rule; a service grants access explicitly
 */
export type VisibilityRule = 'all' | 'agency' | 'own' | 'none';

export const ROLE_VISIBILITY: Readonly<Record<Role, VisibilityRule>> = {
  admin: 'all',
  // Oversight of legal time limits spans every agency, so it must be able to open any case.
  supervisor: 'all',
  officer: 'agency',
  // The court is an agency for scoping (its agency_id); without one it sees nothing.
  court: 'agency',
  applicant: 'own',
  // A bankruptcy administrator sees what it filed; access to a case by appointment is the
  // bankruptcy service's rule, not a generic one.
  administrator: 'own',
  // Hotline agents act for callers on specific tickets: the complaints service grants that.
  'hotline-agent': 'none',
  // Machine clients see nothing personal by default; expose what they need on dedicated
  // @Roles('integrator') routes returning non-personal data.
  integrator: 'none',
};

/** The principal's effective visibility. */
export type Visibility = { rule: 'all' } | { rule: 'agency'; agencyId: string } | { rule: 'own'; ownerId: string } | { rule: 'none' };

/**
 * One effective rule per principal, the broadest its roles allow (all > agency > own > none), so
 * that single-resource checks and list filters always agree. A rule whose claim is missing
 * (court without agency_id) does not apply.
 */
export function visibilityOf(principal: Principal): Visibility {
  const rules = new Set(principal.roles.map((role) => ROLE_VISIBILITY[role]));
  if (rules.has('all')) return { rule: 'all' };
  if (rules.has('agency') && principal.agencyId) return { rule: 'agency', agencyId: principal.agencyId };
  if (rules.has('own') && principal.subject) return { rule: 'own', ownerId: principal.subject };
  return { rule: 'none' };
}
