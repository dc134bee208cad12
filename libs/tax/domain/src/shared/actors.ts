/**
 * Who performs a transition in the tax domain (tax.md §2). Platform roles map to these in the app:
 * `applicant` (taxpayer or its delegated agent), `officer` with the tax bureau's function
 * (service / risk / dispute), the real-estate registry and the finance bureau, the bankruptcy
 * administrator and court; `system` and `timer` act on events and durable timers.
 */
export const TAX_ACTORS = [
  'applicant',
  'officer_service',
  'officer_risk',
  'officer_dispute',
  'registry',
  'finance',
  'administrator',
  'court',
  'system',
  'timer',
] as const;

export type TaxActor = (typeof TAX_ACTORS)[number];
