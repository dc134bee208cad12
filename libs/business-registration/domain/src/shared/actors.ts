/**
 * Who performs a transition (every transition is audited with its actor). Platform roles map to
 * these in the app: `applicant`, `officer`; partners (seal maker, bank, agencies) and internal
 * services (`system`, `timer`, `tax_service`, `bankruptcy_service`) act through events or callbacks.
 */
export const ACTORS = [
  'applicant',
  'officer',
  'system',
  'timer',
  'desk',
  'seal_maker',
  'window',
  'tax_service',
  'agency',
  'bank',
  'creditor',
  'department',
  'public',
  'bankruptcy_service',
] as const;

export type Actor = (typeof ACTORS)[number];
