/**
 * Data of the application events (§11). The contracts library does not define these yet; the
 * names follow §11. `resubmitted`, `extended`, `withdrawn` and `lapsed` are additions for
 * tracking (not in the §11 table).
 */
export type ApplicationKind = 'ESTABLISH' | 'CHANGE';

export interface SupplementItem {
  /** What is missing or defective (reason code). */
  readonly code: string;
  readonly description: string;
  /** The form field or material it concerns; on a later request it must be newly submitted material. */
  readonly materialRef: string;
}

export interface ApplicationSubmittedData {
  applicationId: string;
  kind: ApplicationKind;
  route: 'AUTO' | 'OFFICER';
  ruleSetVersion: string;
  failedChecks: string[];
  /** On the OFFICER route of a change request, the review clock starts at submission. */
  dueAt?: string;
}

export interface ApplicationAcceptedData {
  applicationId: string;
  kind: ApplicationKind;
  route: 'OFFICER';
  receiptNo: string;
  dueAt: string;
}

export interface ApplicationSupplementRequestedData {
  applicationId: string;
  kind: ApplicationKind;
  round: number;
  missingItems: SupplementItem[];
  respondBy: string;
}

export interface ApplicationRejectedData {
  applicationId: string;
  kind: ApplicationKind;
  outcome: 'NOT_ACCEPTED' | 'RETURNED' | 'REFUSED';
  reasonCode: string;
  reasons?: string[];
  remedies?: string[];
}

export interface ApplicationOverdueData {
  applicationId: string;
  kind: ApplicationKind;
  dueAt: string;
}

export interface ApplicationStepData {
  applicationId: string;
  kind: ApplicationKind;
  dueAt?: string;
}

export interface PermitNoticeIssuedData {
  uscc: string;
  scopeCode: string;
  permitName: string;
  authorityCode: string;
  route: string;
}
