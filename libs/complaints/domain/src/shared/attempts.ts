/**
 * The "three attempts at least 15 minutes apart" rule used for supplement calls (002 L1515),
 * verification calls (002 L1519) and reply attempts (002 L1578). "At least 15 min apart"
 * compares attempt timestamps (spec §0).
 */
export interface AttemptRule {
  readonly attempts: number;
  readonly minGapMinutes: number;
  readonly source: string;
}

export const THREE_ATTEMPTS_RULE: AttemptRule = { attempts: 3, minGapMinutes: 15, source: '002 L1515, L1519, L1578' };

/**
 * How many attempts count towards the rule: walking in time order, an attempt counts when it is
 * at least `minGapMinutes` after the last counted one (the first always counts).
 */
export function countedAttempts(attempts: readonly Date[], rule: AttemptRule = THREE_ATTEMPTS_RULE): number {
  const sorted = [...attempts].map((d) => d.getTime()).sort((a, b) => a - b);
  const gap = rule.minGapMinutes * 60_000;
  let counted = 0;
  let last = Number.NEGATIVE_INFINITY;
  for (const t of sorted) {
    if (t - last >= gap) {
      counted++;
      last = t;
    }
  }
  return counted;
}

/** True when the failed attempts satisfy the rule (e.g. 3 unanswered calls ≥15 min apart). */
export function attemptsExhausted(attempts: readonly Date[], rule: AttemptRule = THREE_ATTEMPTS_RULE): boolean {
  return countedAttempts(attempts, rule) >= rule.attempts;
}
