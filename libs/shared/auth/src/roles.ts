/**
 * The roles a One Window principal can carry (claim `roles`). The strings are part of the token
 * contract with the identity provider: do not rename them.
 */
export const ROLES = [
  'applicant', // citizen or company filing an application
  'officer', // agency staff; always bound to one agency (claim `agency_id`)
  'court', // bankruptcy court
  'administrator', // bankruptcy administrator (管理人), not a platform admin
  'hotline-agent', // 12345 hotline
  'supervisor', // performance oversight of time limits across agencies
  'integrator', // machine client of another system
  'admin', // platform administrator
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
