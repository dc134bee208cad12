import type { Money } from '@one-window/shared/money';
import type { ReratingState } from '@one-window/tax/domain';

/** §11 states of a case's bankruptcy tax file (CONFIRMED / DISPUTED / CLOSED come with later bankruptcy events). */
export type BankruptcyTaxFileStatus = 'OPENED' | 'CLAIM_DRAFTED' | 'CLAIM_FILED';

/** BankruptcyTaxFile (tax.md §3): one per case, opened from `bankruptcy.case.accepted`; id = caseId. */
export interface BankruptcyTaxFileRecord {
  readonly id: string;
  readonly caseId: string;
  /** The debtor's taxpayer id (its credit code). */
  readonly taxpayerId: string;
  readonly courtId: string;
  readonly courtName?: string;
  readonly rulingNo?: string;
  readonly acceptedOn: string;
  readonly status: BankruptcyTaxFileStatus;
  readonly openedAt: Date;
  /** The bureau competent for the debtor when the file opened (who drafts and files the claim). */
  readonly taxBureau: string;
  readonly administrator?: { readonly administratorId: string; readonly name?: string; readonly decisionNo?: string; readonly appointedOn: string };
  /** Ids of the bankruptcy events applied (redelivery is harmless). */
  readonly sourceEventIds: readonly string[];
}

/** A grant from the bankruptcy service: the administrator may query the debtor's information at the agencies named; id = grantId. */
export interface DebtorInfoGrantRecord {
  readonly id: string;
  readonly grantId: string;
  readonly caseId: string;
  readonly debtorUscc: string;
  readonly administratorId: string;
  readonly agencies: readonly string[];
  readonly identityVerifiedAt: Date;
  readonly grantedAt: Date;
  readonly expiresAt?: Date;
  readonly status: 'ACTIVE' | 'REVOKED';
  readonly revoked?: { readonly at: Date; readonly reason: string };
  readonly sourceEventId: string;
}

export type BankruptcyClaimClass = 'PRINCIPAL' | 'LATE_FEE' | 'FINE';

export interface BankruptcyClaimLine {
  readonly class: BankruptcyClaimClass;
  readonly taxType?: string;
  readonly periodKey?: string;
  readonly amount: Money;
  /** Where the amount came from: an outstanding liability, or given by the officer. */
  readonly source: { readonly kind: 'LIABILITY'; readonly liabilityId: string } | { readonly kind: 'GIVEN' };
}

/** A tax claim into a bankruptcy case (§11): drafted and filed by an officer of the debtor's bureau; id = claimId. */
export interface BankruptcyTaxClaimRecord {
  readonly id: string;
  readonly claimId: string;
  readonly caseId: string;
  readonly taxpayerId: string;
  readonly taxBureau: string;
  readonly status: 'DRAFTED' | 'FILED';
  readonly lines: readonly BankruptcyClaimLine[];
  readonly totals: Readonly<Record<BankruptcyClaimClass, Money>> & { readonly all: Money };
  readonly draftedAt: Date;
  readonly draftedBy: string;
  readonly filedAt?: Date;
  readonly filedBy?: string;
}

/** One answered query of the debtor's tax information: who (account subject), under which grant, which sections; id = queryId. */
export interface DebtorInfoQueryRecord {
  readonly id: string;
  readonly queryId: string;
  readonly caseId: string;
  readonly grantId: string;
  readonly taxpayerId: string;
  readonly administratorId: string;
  readonly sections: readonly string[];
  readonly at: Date;
  readonly requestId: string | null;
}

/** A new-taxpayer re-rating application (R8.7) as stored; id = applicationId. */
export type CreditReratingRecord = ReratingState & { readonly id: string };

