/**
 * Duplicate candidates (并单候选), spec §5 (design). Shown to the agent at registration, never
 * merged automatically.
 *
 * Eligibility (the §5 rule): same jurisdiction, same `scenarioCode`, and (same `address_id`, or
 * within 50 m, or same USCC), opened within 30 ND of each other.
 *
 * Ranking score in [0, 1]: a weighted mean of four component similarities, each in [0, 1] and
 * symmetric in its two arguments:
 *  - scenario  (w 0.35): 1 same code; 0.5 same top-level group (the part before the first '.'); else 0;
 *  - location  (w 0.30): 1 for the same address_id or the same USCC; else with coordinates on both
 *                        sides 2^(−d / 50 m) (1 at 0 m, 0.5 at 50 m, 0.25 at 100 m); else 0;
 *  - time      (w 0.15): 1 − |Δt| / 30 ND, floored at 0;
 *  - text      (w 0.20): Jaccard similarity of the sets of character bigrams of the normalised
 *                        texts (lower case, whitespace and punctuation removed). Bigrams work for
 *                        Chinese without word segmentation. A text of one character is its own
 *                        single "bigram"; two empty texts are identical (1).
 * A component with no data on EITHER side (no location at all, no text at all) is left out and
 * the weights of the others renormalised; missing on one side only counts as 0. Identical
 * probes therefore score exactly 1.
 */

export interface DuplicateProbe {
  readonly ticketId: string;
  readonly jurisdictionId: string;
  readonly scenarioCode: string;
  readonly openedAt: Date;
  readonly text: string;
  readonly addressId?: string;
  readonly location?: { readonly lat: number; readonly long: number };
  readonly uscc?: string;
}

export interface DuplicateScoreWeights {
  readonly scenario: number;
  readonly location: number;
  readonly time: number;
  readonly text: number;
}

export const DUPLICATE_CANDIDATE_RULE = {
  radiusMetres: 50,
  windowNaturalDays: 30,
  weights: { scenario: 0.35, location: 0.3, time: 0.15, text: 0.2 } as DuplicateScoreWeights,
  source: '§5 (design)',
} as const;

const MS_PER_DAY = 86_400_000;
const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine); symmetric. */
export function distanceMetres(a: { lat: number; long: number }, b: { lat: number; long: number }): number {
  const rad = Math.PI / 180;
  const dLat = Math.abs(a.lat - b.lat) * rad;
  const dLong = Math.abs(a.long - b.long) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLong / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Lower case; whitespace and punctuation (ASCII and CJK) removed. */
export function normaliseText(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

function bigrams(text: string): Set<string> {
  const chars = [...normaliseText(text)];
  if (chars.length === 1) return new Set(chars);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return grams;
}

/** Jaccard similarity of character bigrams (1 for two empty texts). */
export function textSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 && y.size === 0) return 1;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / (x.size + y.size - common);
}

function scenarioSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const group = (s: string) => s.split('.')[0];
  return group(a) !== '' && group(a) === group(b) ? 0.5 : 0;
}

function locationSimilarity(a: DuplicateProbe, b: DuplicateProbe, radius: number): number | undefined {
  const hasA = a.addressId !== undefined || a.location !== undefined || a.uscc !== undefined;
  const hasB = b.addressId !== undefined || b.location !== undefined || b.uscc !== undefined;
  if (!hasA && !hasB) return undefined;
  if (a.addressId !== undefined && a.addressId === b.addressId) return 1;
  if (a.uscc !== undefined && a.uscc === b.uscc) return 1;
  if (a.location && b.location) return Math.pow(2, -distanceMetres(a.location, b.location) / radius);
  return 0;
}

export interface DuplicateScoreBreakdown {
  readonly score: number;
  readonly scenario: number;
  readonly location?: number;
  readonly time: number;
  readonly text?: number;
}

/** The component similarities and their weighted mean (see the module comment). */
export function duplicateScoreBreakdown(a: DuplicateProbe, b: DuplicateProbe, weights: DuplicateScoreWeights = DUPLICATE_CANDIDATE_RULE.weights): DuplicateScoreBreakdown {
  const scenario = scenarioSimilarity(a.scenarioCode, b.scenarioCode);
  const location = locationSimilarity(a, b, DUPLICATE_CANDIDATE_RULE.radiusMetres);
  const dt = Math.abs(a.openedAt.getTime() - b.openedAt.getTime());
  const time = Math.max(0, 1 - dt / (DUPLICATE_CANDIDATE_RULE.windowNaturalDays * MS_PER_DAY));
  const text = normaliseText(a.text) === '' && normaliseText(b.text) === '' ? undefined : textSimilarity(a.text, b.text);
  const parts: [number, number][] = [[weights.scenario, scenario]];
  if (location !== undefined) parts.push([weights.location, location]);
  parts.push([weights.time, time]);
  if (text !== undefined) parts.push([weights.text, text]);
  let num = 0;
  let den = 0;
  for (const [w, c] of parts) {
    num += w * c;
    den += w;
  }
  const score = den === 0 ? 0 : Math.min(1, Math.max(0, num / den));
  return { score, scenario, ...(location !== undefined ? { location } : {}), time, ...(text !== undefined ? { text } : {}) };
}

/** Candidate score in [0, 1]; symmetric; identical probes score 1. */
export function duplicateScore(a: DuplicateProbe, b: DuplicateProbe, weights?: DuplicateScoreWeights): number {
  return duplicateScoreBreakdown(a, b, weights).score;
}

/** The §5 eligibility rule: same jurisdiction and scenario, same address_id or ≤50 m or same USCC, within 30 ND. */
export function isDuplicateCandidate(a: DuplicateProbe, b: DuplicateProbe): boolean {
  if (a.ticketId === b.ticketId || a.jurisdictionId !== b.jurisdictionId || a.scenarioCode !== b.scenarioCode) return false;
  const place =
    (a.addressId !== undefined && a.addressId === b.addressId) ||
    (a.uscc !== undefined && a.uscc === b.uscc) ||
    (a.location !== undefined && b.location !== undefined && distanceMetres(a.location, b.location) <= DUPLICATE_CANDIDATE_RULE.radiusMetres);
  const window = DUPLICATE_CANDIDATE_RULE.windowNaturalDays * MS_PER_DAY;
  return place && Math.abs(a.openedAt.getTime() - b.openedAt.getTime()) <= window;
}

/** The eligible candidates for `probe` among `others`, best first (ties by the more recent opening). */
export function findDuplicateCandidates(probe: DuplicateProbe, others: readonly DuplicateProbe[]): { ticketId: string; score: number }[] {
  return others
    .filter((o) => isDuplicateCandidate(probe, o))
    .map((o) => ({ ticketId: o.ticketId, score: duplicateScore(probe, o), openedAt: o.openedAt.getTime() }))
    .sort((x, y) => y.score - x.score || y.openedAt - x.openedAt)
    .map(({ ticketId, score }) => ({ ticketId, score }));
}
