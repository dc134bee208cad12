import type { EntityType } from '../shared/entity-type';
import type { Money } from '../shared/money';

/** Identity documents; only RESIDENT_ID (and the HK/Macau/Taiwan residence permits) get the checksum. */
export type IdType = 'RESIDENT_ID' | 'RESIDENCE_PERMIT_HMT' | 'HK_MACAO_PASS' | 'TAIWAN_PASS' | 'PASSPORT' | 'OTHER';

/** A natural person in the application; authenticated on the unified identity platform (§3.1). */
export interface PersonEntry {
  readonly personRef: string;
  readonly idType: IdType;
  readonly idNumber: string;
  readonly realNameVerified: boolean;
  /** Result of the disqualification check (e.g. barred from serving as an officer) [cfg]; the app fills it. */
  readonly disqualified?: boolean;
}

export type ContributionMethod = 'CASH' | 'IN_KIND' | 'IP' | 'KNOW_HOW' | 'LAND_USE_RIGHT' | 'EQUITY';

/** One investor's subscribed capital (认缴), §2.4. */
export interface InvestorEntry {
  readonly personRef: string;
  readonly kind: 'NATURAL_PERSON' | 'LEGAL_PERSON';
  /** Where the investor's documents come from; anything but MAINLAND needs checking (auto check 7). */
  readonly jurisdiction: 'MAINLAND' | 'HK' | 'MACAU' | 'TAIWAN' | 'FOREIGN';
  readonly subscribed: Money;
  readonly method: ContributionMethod;
  /** Due date of paying in, 'YYYY-MM-DD'. */
  readonly dueDate: string;
}

export type OfficerRole = 'LEGAL_REPRESENTATIVE' | 'DIRECTOR' | 'SUPERVISOR' | 'MANAGER' | 'FINANCE_CONTACT' | 'LIAISON';

/** The 照章税保金银 options chosen on the one form (§3.1, §5). */
export interface BundleOptions {
  /** Free seals, opt-in (002 L1903). */
  readonly seals: boolean;
  readonly bank?: { readonly bankCode: string; readonly branchCode: string };
  readonly socialInsurance: boolean;
  readonly housingFund: boolean;
  readonly tax: { readonly invoices: boolean; readonly ukey: boolean; readonly mailingAddress?: string };
}

/**
 * The one establishment form (一表制, §3.1). The name always cites a reservation: an inline name is
 * reserved by the app (NameReservation.reserve) in the submission transaction.
 */
export interface EstablishmentForm {
  readonly entityType: EntityType;
  readonly nameReservationId: string;
  readonly name: string;
  readonly domicile: { readonly standardAddressId?: string; readonly text: string };
  /** Premises (经营场所) are stored apart from the domicile (002 L2919). */
  readonly premises?: readonly { readonly standardAddressId?: string; readonly text: string }[];
  readonly scopeCodes: readonly string[];
  readonly preApprovalDocuments?: readonly { readonly scopeCode: string; readonly documentRef: string }[];
  readonly investors: readonly InvestorEntry[];
  readonly persons: readonly PersonEntry[];
  readonly legalRepRef: string;
  readonly officers: readonly { readonly personRef: string; readonly role: OfficerRole }[];
  readonly articles: { readonly kind: 'STANDARD_TEMPLATE' | 'UPLOADED'; readonly documentRef?: string };
  readonly commitment: { readonly signed: boolean; readonly signatureRef?: string };
  readonly bundleOptions: BundleOptions;
  readonly delivery: 'ON_SITE' | 'POST' | 'ONLINE';
}
