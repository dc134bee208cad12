import type { SubmissionState } from '@one-window/complaints/domain';

/** What the caller asked, kept with the submission (the domain aggregate holds only the lifecycle). */
export interface Intake {
  /** The request in the caller's words (≤ 4,000 characters); may mention people, so units see it masked. */
  readonly content: string;
  /** The scenario the caller or agent chose (template / Open311 service code), if any. */
  readonly serviceCode: string | null;
  /** GB/T 2260 district code of the place concerned, used by the dispatch catalogue. */
  readonly area: string | null;
  /** The callerRef: the row of `caller_personal_data`. */
  readonly callerRef: string;
}

/** The stored submission document: the domain state plus the intake. */
export type SubmissionRecord = SubmissionState & { readonly intake: Intake };
