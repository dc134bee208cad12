import type { EntityManager } from 'typeorm';
import type {
  AbnormalListingState,
  ApplicationState,
  BranchFieldChange,
  BranchStatus,
  ChangeRequestState,
  ChangeRequestStatus,
  ClearanceOutcome,
  CreditRepairUpdateState,
  DeregistrationState,
  ApplicationStatus,
  EntityFlags,
  EntityStatus,
  ExistingName,
  NameReservationState,
  SealRotationState,
  SetupBundleState,
} from '@one-window/business-registration/domain';
import { DocumentStore, reviveDates, type Stored } from '@one-window/shared/persistence';

/** A registered company (市场主体) as this service stores it. */
export interface CompanyRecord {
  /** The credit code (USCC) is the company's id. */
  readonly id: string;
  readonly uscc: string;
  readonly name: string;
  readonly entityType: string;
  readonly status: EntityStatus;
  readonly flags: EntityFlags;
  readonly authorityCode: string;
  /** The applicant who registered it (sees it as its own). */
  readonly ownerId: string;
  readonly applicationId: string;
  readonly establishedOn: string;
  readonly domicile: { readonly standardAddressId: string; readonly divisionCode: string; readonly text: string };
  readonly scope: readonly { readonly code: string; readonly permitRoute: string }[];
  readonly capital: { readonly amount: string; readonly currency: 'CNY' };
  readonly legalRepRef: string;
  readonly registeredAt: Date;
  /** While DORMANT (歇业): since when, until when at the latest, and why. */
  readonly dormancy?: { readonly since: string; readonly endsOn: string; readonly reasonCode: string };
  /** The bankruptcy case behind `flags.underBankruptcy` (from `bankruptcy.case.accepted`), or the last case, closed, when the flag is down; absent when the company never was under bankruptcy. */
  readonly bankruptcy?: CompanyBankruptcyCase;
}

/** A bankruptcy case against the company as registration records it (§11 consumed from bankruptcy). */
export interface CompanyBankruptcyCase {
  readonly caseId: string;
  /** The accepting court's agency id, and its name when given. */
  readonly courtId: string;
  readonly courtName?: string;
  /** The case reference (案号) and the acceptance ruling's number, when given. */
  readonly caseRef?: string;
  readonly rulingNo?: string;
  /** The date of the acceptance ruling (absent when registration learnt of the case only from its closing). */
  readonly acceptedOn?: string;
  /** The CloudEvents id of the event that flagged the company (`bankruptcy.case.accepted`, else the closing event). */
  readonly eventId: string;
  /** Set when the court approved a reorganisation or conciliation plan (`bankruptcy.reorganisation_plan.approved`): published (公示). */
  readonly plan?: {
    readonly procedureType: string;
    readonly approvedOn: string;
    readonly rulingRef: string;
    readonly executionDeadline?: string;
    readonly eventId: string;
  };
  /** When an officer confirmed the publicity system was updated for the case's credit repair (§7; bankruptcy.md §6.6). */
  readonly creditRepairUpdatedAt?: Date;
  /** Set when the case closed: with the liquidation completed the flag stays (the company ends by the court route), with any other outcome it is cleared. */
  readonly closed?: { readonly closingDate: string; readonly outcome: string; readonly rulingRef: string; readonly eventId: string };
}

/** Name reservations; also the name index the self-check compares against. */
export class NameReservationRepository {
  readonly store = new DocumentStore<NameReservationState>('name_reservation', (r) => ({
    applicant_id: r.applicantId,
    status: r.status,
    trade_name_key: r.tradeNameKey,
    authority_code: r.authorityCode,
    industry_code: r.industryCode ?? null,
  }));

  get(tx: EntityManager, id: string, o: { lock?: boolean } = {}): Promise<Stored<NameReservationState> | undefined> {
    return this.store.get(tx, id, o);
  }

  insert(tx: EntityManager, reservation: NameReservationState): Promise<number> {
    return this.store.insert(tx, reservation);
  }

  update(tx: EntityManager, reservation: NameReservationState, expectedVersion: number): Promise<number> {
    return this.store.update(tx, reservation, expectedVersion);
  }

  /**
   * Names that can conflict with a candidate: reserved names (RESERVED) and registered ones (a
   * consumed reservation is a registered name) with the same trade-name key, or in the same
   * industry (edit-distance and containment similarity apply within an industry only).
   */
  async existingNames(tx: EntityManager, q: { tradeNameKey: string; industryCode?: string }, limit = 1000): Promise<ExistingName[]> {
    const rows: { data: unknown }[] = await tx.query(
      `SELECT data FROM "name_reservation"
        WHERE status IN ('RESERVED', 'CONSUMED') AND (trade_name_key = $1 OR ($2::text IS NOT NULL AND industry_code = $2))
        ORDER BY created_at, id LIMIT $3`,
      [q.tradeNameKey, q.industryCode ?? null, limit],
    );
    return rows.map((row) => {
      const r = reviveDates<NameReservationState>(row.data);
      return {
        id: r.id,
        name: r.name,
        tradeNameKey: r.tradeNameKey,
        ...(r.industryCode ? { industryCode: r.industryCode } : {}),
        authorityCode: r.authorityCode,
        kind: r.status === 'CONSUMED' ? 'REGISTERED' : 'RESERVED',
      };
    });
  }
}

/** Establishment applications. */
export class ApplicationRepository {
  readonly store = new DocumentStore<ApplicationState>('application', (a) => ({
    applicant_id: a.applicantId,
    authority_code: a.authorityCode,
    status: a.status,
    uscc: a.decision?.uscc ?? null,
  }));

  get(tx: EntityManager, id: string, o: { lock?: boolean } = {}): Promise<Stored<ApplicationState> | undefined> {
    return this.store.get(tx, id, o);
  }

  insert(tx: EntityManager, application: ApplicationState): Promise<number> {
    return this.store.insert(tx, application);
  }

  update(tx: EntityManager, application: ApplicationState, expectedVersion: number): Promise<number> {
    return this.store.update(tx, application, expectedVersion);
  }

  /** An authority's queue in one status, oldest first (keyset cursor: the last id seen). */
  queue(tx: EntityManager, authorityCode: string, status: ApplicationStatus, o: { limit?: number; afterId?: string } = {}): Promise<Stored<ApplicationState>[]> {
    return this.store.findBy(tx, { authority_code: authorityCode, status }, o);
  }
}

/** Registered companies. */
export class CompanyRepository {
  readonly store = new DocumentStore<CompanyRecord>('company', (c) => ({
    uscc: c.uscc,
    name: c.name,
    status: c.status,
    authority_code: c.authorityCode,
    owner_id: c.ownerId,
  }));

  get(tx: EntityManager, uscc: string, o: { lock?: boolean } = {}): Promise<Stored<CompanyRecord> | undefined> {
    return this.store.get(tx, uscc, o);
  }

  insert(tx: EntityManager, company: CompanyRecord): Promise<number> {
    return this.store.insert(tx, company);
  }

  update(tx: EntityManager, company: CompanyRecord, expectedVersion: number): Promise<number> {
    return this.store.update(tx, company, expectedVersion);
  }

  /** The public register (公示): fields anyone may read, in credit-code order. */
  publicList(tx: EntityManager): Promise<Record<string, unknown>[]> {
    return tx.query(
      `SELECT uscc, name, status, authority_code AS "authorityCode", data->>'entityType' AS "entityType", data->>'establishedOn' AS "establishedOn",
              data->'domicile'->>'text' AS "domicile"
         FROM "company" ORDER BY uscc`,
    );
  }

  /** Companies whose name contains `text` (case-insensitive, wildcards taken literally), by name; the page and the total. */
  async searchByName(tx: EntityManager, text: string, o: { offset: number; limit: number }): Promise<{ items: CompanyRecord[]; total: number }> {
    const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const rows: { data: unknown }[] = await tx.query(`SELECT data FROM "company" WHERE name ILIKE $1 ORDER BY name, uscc OFFSET $2 LIMIT $3`, [pattern, o.offset, o.limit]);
    const [{ total }]: { total: number }[] = await tx.query(`SELECT count(*)::int AS total FROM "company" WHERE name ILIKE $1`, [pattern]);
    return { items: rows.map((r) => reviveDates<CompanyRecord>(r.data)), total };
  }
}

/**
 * Dev credit-code numbers from the `credit_code_serial` sequence: unique across every prefix
 * (department + category + division), hence within each, and taken without holding a lock, so
 * concurrent registrations do not wait for one another. A rolled-back registration leaves a gap.
 */
export class CreditCodeSequences {
  async next(tx: EntityManager, _prefix: string): Promise<number> {
    const rows: { n: string }[] = await tx.query(`SELECT nextval('credit_code_serial') AS n`);
    return Number(rows[0].n);
  }
}

export type LicenceStatus = 'VALID' | 'REVOKED' | 'SUPERSEDED';

/** What the electronic licence says (the signed JWS payload): public fields only, the legal representative masked. */
export interface LicenceClaims {
  readonly uscc: string;
  readonly name: string;
  readonly entityType: string;
  readonly establishedOn: string;
  readonly authorityCode: string;
  readonly legalRep: string;
  readonly version: number;
  /** ISO 8601 instant. */
  readonly issuedAt: string;
}

/** One issued version of a company's electronic business licence (电子营业执照). */
export interface LicenceRecord {
  /** The e-licence id (eLicenceId). */
  readonly id: string;
  readonly uscc: string;
  readonly version: number;
  readonly status: LicenceStatus;
  readonly claims: LicenceClaims;
  /** Compact JWS (ES256) over `claims`. */
  readonly token: string;
  /** Key id (JWK thumbprint) of the signing key. */
  readonly kid: string;
  /** What the licence QR code carries: the verification URL with the token. */
  readonly qrPayload: string;
  readonly issuedAt: Date;
  readonly statusChangedAt?: Date;
}

/** Electronic business licences, every version kept (archived with their history, §4). */
export class LicenceRepository {
  readonly store = new DocumentStore<LicenceRecord>('licence', (l) => ({
    uscc: l.uscc,
    status: l.status,
    licence_version: l.version,
  }));

  insert(tx: EntityManager, licence: LicenceRecord): Promise<number> {
    return this.store.insert(tx, licence);
  }

  update(tx: EntityManager, licence: LicenceRecord, expectedVersion: number): Promise<number> {
    return this.store.update(tx, licence, expectedVersion);
  }

  /** Every version of a company's licence, oldest first. */
  async history(tx: EntityManager, uscc: string): Promise<Stored<LicenceRecord>[]> {
    const rows: { data: unknown; version: number }[] = await tx.query(`SELECT data, version FROM "licence" WHERE uscc = $1 ORDER BY licence_version`, [uscc]);
    return rows.map((r) => ({ doc: reviveDates<LicenceRecord>(r.data), version: r.version }));
  }

  /** One version of a company's licence. */
  async find(tx: EntityManager, uscc: string, licenceVersion: number): Promise<Stored<LicenceRecord> | undefined> {
    const rows: { data: unknown; version: number }[] = await tx.query(`SELECT data, version FROM "licence" WHERE uscc = $1 AND licence_version = $2`, [
      uscc,
      licenceVersion,
    ]);
    return rows[0] && { doc: reviveDates<LicenceRecord>(rows[0].data), version: rows[0].version };
  }
}

/** Setup bundles (照章税保金银), one per company, keyed by the credit code. */
export class SetupBundleRepository {
  readonly store = new DocumentStore<SetupBundleState>('setup_bundle', (b) => ({
    status: b.status,
    seal_maker_id: b.parts.find((p) => p.part === 'SEALS')?.makerId ?? null,
    bank_code: b.bankCode ?? null,
  }));

  get(tx: EntityManager, uscc: string, o: { lock?: boolean } = {}): Promise<Stored<SetupBundleState> | undefined> {
    return this.store.get(tx, uscc, o);
  }

  insert(tx: EntityManager, bundle: SetupBundleState): Promise<number> {
    return this.store.insert(tx, bundle);
  }

  update(tx: EntityManager, bundle: SetupBundleState, expectedVersion: number): Promise<number> {
    return this.store.update(tx, bundle, expectedVersion);
  }
}

/** The rotation as stored: the domain state under a roster id. */
export type StoredSealRotation = SealRotationState & { readonly id: string };

/** One maker's late deliveries in one calendar year. */
export interface SealMakerLateness {
  readonly makerId: string;
  readonly year: number;
  readonly lateCount: number;
  readonly warned: boolean;
  readonly disqualified: boolean;
}

/**
 * The seal makers' rotation (one document per roster, locked for each assignment so orders go
 * strictly in turn) and the per-maker, per-year lateness kept beyond the current year.
 */
export class SealRotationRepository {
  readonly store = new DocumentStore<StoredSealRotation>('seal_maker_rotation', (r) => ({ year: r.year }));

  /** The rotation locked FOR UPDATE, created from `initial` the first time (concurrent creators wait for one another). */
  async getOrCreate(tx: EntityManager, initial: StoredSealRotation): Promise<Stored<StoredSealRotation>> {
    await tx.query(
      `INSERT INTO "seal_maker_rotation" (id, version, data, year) VALUES ($1, 1, $2, $3) ON CONFLICT (id) DO NOTHING`,
      [initial.id, JSON.stringify(initial), initial.year],
    );
    const stored = await this.store.get(tx, initial.id, { lock: true });
    if (!stored) throw new Error(`Seal rotation ${initial.id} vanished`);
    return stored;
  }

  update(tx: EntityManager, rotation: StoredSealRotation, expectedVersion: number): Promise<number> {
    return this.store.update(tx, rotation, expectedVersion);
  }

  /** Writes the maker's count for the year (the rotation's current figures). */
  async recordLateness(tx: EntityManager, l: SealMakerLateness, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO "seal_maker_lateness" (maker_id, year, late_count, warned, disqualified, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (maker_id, year) DO UPDATE SET late_count = EXCLUDED.late_count, warned = EXCLUDED.warned,
         disqualified = EXCLUDED.disqualified, updated_at = EXCLUDED.updated_at`,
      [l.makerId, l.year, l.lateCount, l.warned, l.disqualified, at],
    );
  }

  /** Every maker's lateness, by year then maker. */
  async lateness(tx: EntityManager): Promise<SealMakerLateness[]> {
    const rows: { maker_id: string; year: number; late_count: number; warned: boolean; disqualified: boolean }[] = await tx.query(
      `SELECT maker_id, year, late_count, warned, disqualified FROM "seal_maker_lateness" ORDER BY year, maker_id`,
    );
    return rows.map((r) => ({ makerId: r.maker_id, year: r.year, lateCount: r.late_count, warned: r.warned, disqualified: r.disqualified }));
  }
}

/** The tax service's clearance (清税) as recorded on a deregistration, from `tax.clearance.issued` / `.exempted`. */
export interface TaxClearanceReceipt {
  /** How the domain counts it: a certificate, a waiver (免办) or a commitment (承诺制). */
  readonly outcome: ClearanceOutcome;
  readonly caseId: string;
  /** The tax service's route (EXEMPT, ON_THE_SPOT, COMMITMENT, STANDARD, BANKRUPTCY). */
  readonly taxRoute?: string;
  readonly certificateNo?: string;
  /** The tax event (type and CloudEvents id) and the registration event it answered. */
  readonly eventType: string;
  readonly eventId: string;
  readonly sourceEventId?: string;
  readonly recordedAt: Date;
}

/** The social-insurance agency's clearance, reported through the REST API. */
export interface SocialInsuranceClearanceReceipt {
  readonly agencyId: string;
  readonly reportedBy: string;
  readonly reference?: string;
  readonly recordedAt: Date;
}

/** A deregistration case (注销, §8) as this service stores it: the domain state plus who and what around it. */
export interface DeregistrationRecord {
  readonly id: string;
  readonly uscc: string;
  readonly companyName: string;
  /** The company's applicant (sees the case as its own). */
  readonly ownerId: string;
  /** The company's registration authority (its officers decide). */
  readonly authorityCode: string;
  readonly requestedBy: { readonly subject: string; readonly role: string };
  readonly state: DeregistrationState;
  /** CloudEvents ids of the `registration.deregistration.requested` events of this case (tax answers with one as `sourceEventId`). */
  readonly requestedEventIds: readonly string[];
  readonly liquidationReportRef?: string;
  readonly committedInvestorRefs?: readonly string[];
  readonly taxClearance?: TaxClearanceReceipt;
  readonly socialInsuranceClearance?: SocialInsuranceClearanceReceipt;
  /** Court route opened by the bankruptcy service's `bankruptcy.case.closed`: the case and its termination ruling's date. */
  readonly bankruptcyCase?: DeregistrationBankruptcyCase;
  readonly decidedBy?: string;
}

/** The bankruptcy case a court-route deregistration came from (`bankruptcy.case.closed`). */
export interface DeregistrationBankruptcyCase {
  readonly caseId: string;
  readonly courtId: string;
  readonly caseRef?: string;
  /** The date of the termination ruling (终结); the ruling's number is the case's `courtRulingRef`. */
  readonly closingDate: string;
  readonly outcome: string;
  /** The CloudEvents id of the closing event. */
  readonly eventId: string;
}

const OPEN_DEREGISTRATION = new Set(['NOTICE_PUBLISHED', 'OBJECTED', 'NOTICE_ENDED', 'CLEARING', 'UNDER_REVIEW', 'SUPPLEMENT_REQUESTED']);

/** Deregistrations; at most one open per company (unique `open_uscc`). */
export class DeregistrationRepository {
  readonly store = new DocumentStore<DeregistrationRecord>('deregistration', (d) => ({
    uscc: d.uscc,
    open_uscc: OPEN_DEREGISTRATION.has(d.state.status) ? d.uscc : null,
    route: d.state.route,
    status: d.state.status,
    owner_id: d.ownerId,
    authority_code: d.authorityCode,
  }));

  get(tx: EntityManager, id: string, o: { lock?: boolean } = {}): Promise<Stored<DeregistrationRecord> | undefined> {
    return this.store.get(tx, id, o);
  }

  insert(tx: EntityManager, d: DeregistrationRecord): Promise<number> {
    return this.store.insert(tx, d);
  }

  update(tx: EntityManager, d: DeregistrationRecord, expectedVersion: number): Promise<number> {
    return this.store.update(tx, d, expectedVersion);
  }

  /** The company's open case, if any (locked FOR UPDATE when asked). */
  async openFor(tx: EntityManager, uscc: string, o: { lock?: boolean } = {}): Promise<Stored<DeregistrationRecord> | undefined> {
    const rows: { data: unknown; version: number }[] = await tx.query(`SELECT data, version FROM "deregistration" WHERE open_uscc = $1${o.lock ? ' FOR UPDATE' : ''}`, [uscc]);
    return rows[0] && { doc: reviveDates<DeregistrationRecord>(rows[0].data), version: rows[0].version };
  }

  /** The company's latest case that went through a public notice (simplified route at the start). */
  async latestNoticeFor(tx: EntityManager, uscc: string): Promise<Stored<DeregistrationRecord> | undefined> {
    const rows: { data: unknown; version: number }[] = await tx.query(
      `SELECT data, version FROM "deregistration" WHERE uscc = $1 AND data->'state'->>'noticeEndsAt' IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT 1`,
      [uscc],
    );
    return rows[0] && { doc: reviveDates<DeregistrationRecord>(rows[0].data), version: rows[0].version };
  }
}

/** What the company reports in its annual report (年报, §7 多报合一), as filed (the DTO's content). */
export interface AnnualReportContent {
  readonly basicInfo: {
    readonly operatingStatus: 'OPERATING' | 'SUSPENDED' | 'LIQUIDATING';
    readonly employeeCount: number;
    readonly contactPhone: string;
    readonly email?: string;
    readonly postalAddress: string;
    readonly websites: readonly string[];
  };
  readonly operations: {
    readonly totalAssets: string;
    readonly totalLiabilities: string;
    readonly ownersEquity: string;
    readonly revenue: string;
    readonly mainBusinessRevenue: string;
    readonly totalProfit: string;
    readonly netProfit: string;
    readonly taxPaid: string;
    readonly publishFinancials: boolean;
  };
  readonly socialSecurity?: {
    readonly insured: { readonly pension: number; readonly unemployment: number; readonly medical: number; readonly workInjury: number; readonly maternity: number };
    readonly contributionBase?: string;
    readonly arrears?: string;
  };
  readonly customs?: { readonly customsRegistrationNo: string; readonly importExport: boolean; readonly crossBorderEcommerce: boolean };
}

/** One revision of an annual report (the first filing is revision 1; each correction adds one). */
export interface AnnualReportRevision {
  readonly revision: number;
  readonly filedOn: string;
  readonly filedAt: Date;
  readonly filedBy: string;
}

/** A company's annual report for one report year (id `<uscc>:<year>`): the latest content and its revisions. */
export interface AnnualReportRecord {
  readonly id: string;
  readonly uscc: string;
  readonly year: number;
  readonly authorityCode: string;
  readonly ownerId: string;
  readonly revision: number;
  /** The first filing's day; `late` when it was after the window closed (补报). */
  readonly firstFiledOn: string;
  readonly late: boolean;
  readonly content: AnnualReportContent;
  readonly revisions: readonly AnnualReportRevision[];
}

export function annualReportId(uscc: string, year: number): string {
  return `${uscc}:${year}`;
}

/** Annual reports, one per company and report year. */
export class AnnualReportRepository {
  readonly store = new DocumentStore<AnnualReportRecord>('annual_report', (r) => ({ uscc: r.uscc, report_year: r.year, authority_code: r.authorityCode }));

  get(tx: EntityManager, uscc: string, year: number, o: { lock?: boolean } = {}): Promise<Stored<AnnualReportRecord> | undefined> {
    return this.store.get(tx, annualReportId(uscc, year), o);
  }

  insert(tx: EntityManager, r: AnnualReportRecord): Promise<number> {
    return this.store.insert(tx, r);
  }

  update(tx: EntityManager, r: AnnualReportRecord, expectedVersion: number): Promise<number> {
    return this.store.update(tx, r, expectedVersion);
  }

  /** A company's reports, latest year first. */
  async forCompany(tx: EntityManager, uscc: string): Promise<Stored<AnnualReportRecord>[]> {
    const rows: { data: unknown; version: number }[] = await tx.query(`SELECT data, version FROM "annual_report" WHERE uscc = $1 ORDER BY report_year DESC`, [uscc]);
    return rows.map((r) => ({ doc: reviveDates<AnnualReportRecord>(r.data), version: r.version }));
  }

  /**
   * Companies that owe a report for `year` and have neither filed it nor been listed for missing it:
   * ACTIVE or DORMANT, established on or before the year's last day; in credit-code order after `afterUscc`.
   */
  async missing(tx: EntityManager, year: number, o: { afterUscc?: string; limit: number }): Promise<Stored<CompanyRecord>[]> {
    const rows: { data: unknown; version: number }[] = await tx.query(
      `SELECT c.data, c.version FROM "company" c
        WHERE c.status IN ('ACTIVE', 'DORMANT') AND c.data->>'establishedOn' <= $2 AND c.uscc > $3
          AND NOT EXISTS (SELECT 1 FROM "annual_report" r WHERE r.uscc = c.uscc AND r.report_year = $1)
          AND NOT EXISTS (SELECT 1 FROM "abnormal_listing" l WHERE l.uscc = c.uscc AND l.reason_code = 'ANNUAL_REPORT_OVERDUE' AND l.report_year = $1)
        ORDER BY c.uscc LIMIT $4`,
      [year, `${year}-12-31`, o.afterUscc ?? '', o.limit],
    );
    return rows.map((r) => ({ doc: reviveDates<CompanyRecord>(r.data), version: r.version }));
  }
}

/** An abnormal-list entry (经营异常名录, §7) as this service stores it: the domain state plus who and what around it. */
export interface AbnormalListingRecord {
  readonly id: string;
  readonly uscc: string;
  readonly authorityCode: string;
  readonly ownerId: string;
  readonly state: AbnormalListingState;
  /** ANNUAL_REPORT_OVERDUE: the report year missed. */
  readonly reportYear?: number;
  readonly listedBy: { readonly subject: string; readonly role: 'system' | 'officer' };
  readonly listedAt: Date;
  /** The officer's finding (e.g. the failed visit), not public. */
  readonly findingRef?: string;
  /** The company's request for removal after correction (credit repair), waiting for an officer. */
  readonly removalRequest?: { readonly requestedAt: Date; readonly requestedBy: string; readonly correctionRef: string; readonly statement?: string };
  /** Requests an officer turned down (the one-time notice of what is still missing). */
  readonly rejections: readonly { readonly at: Date; readonly by: string; readonly reason: string }[];
  readonly removedBy?: string;
}

/** The open key: one LISTED entry per company and cause (and report year for a missed report). */
export function abnormalOpenKey(l: { uscc: string; state: { reasonCode: string }; reportYear?: number }): string {
  return [l.uscc, l.state.reasonCode, ...(l.reportYear !== undefined ? [String(l.reportYear)] : [])].join(':');
}

/** A row of the public abnormal list (no personal data). */
export interface PublicAbnormalEntry {
  readonly listingId: string;
  readonly uscc: string;
  readonly name: string;
  readonly reasonCode: string;
  readonly listedOn: string;
  readonly reportYear?: number;
  readonly authorityCode: string;
}

/** A company on the list, as the forced-exit rule reads it. */
export interface ListedCompany {
  readonly uscc: string;
  readonly name: string;
  readonly status: string;
  /** The earliest LISTED entry's day: the start of the current, unbroken listing. */
  readonly listedOn: string;
  readonly reasonCodes: readonly string[];
}

/** Abnormal-list entries; at most one LISTED per company and cause (unique `open_key`). */
export class AbnormalListingRepository {
  readonly store = new DocumentStore<AbnormalListingRecord>('abnormal_listing', (l) => ({
    uscc: l.uscc,
    open_key: l.state.status === 'LISTED' ? abnormalOpenKey(l) : null,
    status: l.state.status,
    reason_code: l.state.reasonCode,
    listed_on: l.state.listedOn,
    report_year: l.reportYear ?? null,
    authority_code: l.authorityCode,
  }));

  get(tx: EntityManager, id: string, o: { lock?: boolean } = {}): Promise<Stored<AbnormalListingRecord> | undefined> {
    return this.store.get(tx, id, o);
  }

  insert(tx: EntityManager, l: AbnormalListingRecord): Promise<number> {
    return this.store.insert(tx, l);
  }

  update(tx: EntityManager, l: AbnormalListingRecord, expectedVersion: number): Promise<number> {
    return this.store.update(tx, l, expectedVersion);
  }

  /** The LISTED entry with this open key, if any. */
  async openByKey(tx: EntityManager, openKey: string): Promise<Stored<AbnormalListingRecord> | undefined> {
    const rows: { data: unknown; version: number }[] = await tx.query(`SELECT data, version FROM "abnormal_listing" WHERE open_key = $1`, [openKey]);
    return rows[0] && { doc: reviveDates<AbnormalListingRecord>(rows[0].data), version: rows[0].version };
  }

  /** A company's entries (status LISTED only when asked), earliest first. */
  async forCompany(tx: EntityManager, uscc: string, o: { listedOnly?: boolean } = {}): Promise<Stored<AbnormalListingRecord>[]> {
    const rows: { data: unknown; version: number }[] = await tx.query(
      `SELECT data, version FROM "abnormal_listing" WHERE uscc = $1${o.listedOnly ? ` AND status = 'LISTED'` : ''} ORDER BY listed_on, created_at, id`,
      [uscc],
    );
    return rows.map((r) => ({ doc: reviveDates<AbnormalListingRecord>(r.data), version: r.version }));
  }

  /** The public list (公示): LISTED entries, latest listing first; `uscc` narrows to one company. */
  async publicList(tx: EntityManager, o: { uscc?: string; offset: number; limit: number }): Promise<{ items: PublicAbnormalEntry[]; total: number }> {
    const where = `l.status = 'LISTED' AND ($1::text IS NULL OR l.uscc = $1)`;
    const rows: { id: string; uscc: string; name: string; reason_code: string; listed_on: string; report_year: number | null; authority_code: string }[] = await tx.query(
      `SELECT l.id, l.uscc, c.name, l.reason_code, l.listed_on::text AS listed_on, l.report_year, l.authority_code
         FROM "abnormal_listing" l JOIN "company" c ON c.uscc = l.uscc
        WHERE ${where} ORDER BY l.listed_on DESC, l.uscc, l.id OFFSET $2 LIMIT $3`,
      [o.uscc ?? null, o.offset, o.limit],
    );
    const [{ total }]: { total: number }[] = await tx.query(`SELECT count(*)::int AS total FROM "abnormal_listing" l WHERE ${where}`, [o.uscc ?? null]);
    return {
      total,
      items: rows.map((r) => ({
        listingId: r.id,
        uscc: r.uscc,
        name: r.name,
        reasonCode: r.reason_code,
        listedOn: r.listed_on,
        ...(r.report_year !== null ? { reportYear: r.report_year } : {}),
        authorityCode: r.authority_code,
      })),
    };
  }

  /**
   * Companies of an authority on the list (ACTIVE or DORMANT) whose current listing began on or
   * before `listedBy`, in credit-code order after `afterUscc`.
   */
  async listedCompanies(tx: EntityManager, o: { authorityCode: string; listedBy: string; afterUscc?: string; limit: number }): Promise<ListedCompany[]> {
    const rows: { uscc: string; name: string; status: string; listed_on: string; reasons: string[] }[] = await tx.query(
      `SELECT c.uscc, c.name, c.status, min(l.listed_on)::text AS listed_on, array_agg(DISTINCT l.reason_code ORDER BY l.reason_code) AS reasons
         FROM "abnormal_listing" l JOIN "company" c ON c.uscc = l.uscc
        WHERE l.status = 'LISTED' AND c.authority_code = $1 AND c.status IN ('ACTIVE', 'DORMANT') AND c.uscc > $3
        GROUP BY c.uscc, c.name, c.status
       HAVING min(l.listed_on) <= $2::date
        ORDER BY c.uscc LIMIT $4`,
      [o.authorityCode, o.listedBy, o.afterUscc ?? '', o.limit],
    );
    return rows.map((r) => ({ uscc: r.uscc, name: r.name, status: r.status, listedOn: r.listed_on, reasonCodes: r.reasons }));
  }

  /** The registration authorities with at least one company (ACTIVE or DORMANT) on the list, in code order (the nightly forced-exit rule walks them). */
  async listedAuthorities(tx: EntityManager): Promise<string[]> {
    const rows: { authority_code: string }[] = await tx.query(
      `SELECT DISTINCT c.authority_code FROM "abnormal_listing" l JOIN "company" c ON c.uscc = l.uscc
        WHERE l.status = 'LISTED' AND c.status IN ('ACTIVE', 'DORMANT') ORDER BY c.authority_code`,
    );
    return rows.map((r) => r.authority_code);
  }
}

/** One tax return filed, as the forced-exit projection keeps it. */
export interface TaxReturnFiling {
  readonly returnId: string;
  readonly uscc: string;
  readonly periodKey: string;
  readonly filedOn: string;
  readonly eventId: string;
  readonly recordedAt: Date;
}

/** The tax returns filed (from `tax.return.filed`): the "no tax filed" projection for forced exit (§8). */
export class TaxReturnFilingRepository {
  /** Records a return once (a redelivered or repeated event changes nothing); true when new. */
  async record(tx: EntityManager, f: TaxReturnFiling): Promise<boolean> {
    const rows: { return_id: string }[] = await tx.query(
      `INSERT INTO "tax_return_filing" (return_id, uscc, period_key, filed_on, event_id, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (return_id) DO NOTHING RETURNING return_id`,
      [f.returnId, f.uscc, f.periodKey, f.filedOn, f.eventId, f.recordedAt],
    );
    return rows.length > 0;
  }

  /** The company's latest filing day on or before `onOrBefore` (each company's last-filing date). */
  async lastFiledOn(tx: EntityManager, uscc: string, onOrBefore: string): Promise<string | undefined> {
    const rows: { last: string | null }[] = await tx.query(`SELECT max(filed_on)::text AS last FROM "tax_return_filing" WHERE uscc = $1 AND filed_on <= $2::date`, [uscc, onOrBefore]);
    return rows[0]?.last ?? undefined;
  }
}

/** One 一照多址 filing: an extra business address of a company in its domicile city (§6). */
export interface PremisesFilingRecord {
  readonly id: string;
  readonly uscc: string;
  readonly address: { readonly standardAddressId: string; readonly divisionCode: string; readonly text: string };
  readonly scope: readonly string[];
  readonly commitmentRef: string;
  readonly filedBy: string;
  readonly filedOn: string;
  readonly filedAt: Date;
}

export class PremisesFilingRepository {
  readonly store = new DocumentStore<PremisesFilingRecord>('premises_filing', (f) => ({ uscc: f.uscc, standard_address_id: f.address.standardAddressId }));

  insert(tx: EntityManager, f: PremisesFilingRecord): Promise<number> {
    return this.store.insert(tx, f);
  }

  async forCompany(tx: EntityManager, uscc: string): Promise<PremisesFilingRecord[]> {
    return (await this.store.findBy(tx, { uscc }, { limit: 1000 })).map((s) => s.doc);
  }
}

/** A branch (分支机构) with its own credit code (the id). */
export interface BranchRecord {
  readonly id: string;
  readonly uscc: string;
  readonly parentUscc: string;
  readonly name: string;
  readonly authorityCode: string;
  readonly ownerId: string;
  readonly address: { readonly standardAddressId: string; readonly divisionCode: string; readonly text: string };
  readonly scope: readonly string[];
  readonly personInChargeRef: string;
  readonly permitByCommitment: boolean;
  readonly status: BranchStatus;
  readonly establishedOn: string;
  readonly registeredAt: Date;
  /** The centralised changes applied to the branch, oldest first. */
  readonly changes?: readonly { readonly changeId: string; readonly changes: readonly BranchFieldChange[]; readonly effectiveOn: string; readonly by: string }[];
  /** Set when the branch was deregistered: when, why, by whom. */
  readonly deregistered?: { readonly effectiveOn: string; readonly reason: 'PARENT_APPLIED' | 'PARENT_DEREGISTERED'; readonly by: string; readonly note?: string };
}

export class BranchRepository {
  readonly store = new DocumentStore<BranchRecord>('branch', (b) => ({ parent_uscc: b.parentUscc, name: b.name, authority_code: b.authorityCode }));

  insert(tx: EntityManager, b: BranchRecord): Promise<number> {
    return this.store.insert(tx, b);
  }

  async forParent(tx: EntityManager, parentUscc: string): Promise<BranchRecord[]> {
    return (await this.store.findBy(tx, { parent_uscc: parentUscc }, { limit: 1000 })).map((s) => s.doc);
  }

  /** The parent's branches, each locked, in credit-code order (a centralised change or the parent's deregistration updates them). */
  async forParentLocked(tx: EntityManager, parentUscc: string): Promise<Stored<BranchRecord>[]> {
    const rows: { id: string }[] = await tx.query(`SELECT id FROM "branch" WHERE parent_uscc = $1 ORDER BY id FOR UPDATE`, [parentUscc]);
    const stored = await Promise.all(rows.map((r) => this.store.get(tx, r.id)));
    return stored.filter((b): b is Stored<BranchRecord> => b !== undefined);
  }

  get(tx: EntityManager, uscc: string, o: { lock?: boolean } = {}): Promise<Stored<BranchRecord> | undefined> {
    return this.store.get(tx, uscc, o);
  }

  update(tx: EntityManager, b: BranchRecord, expectedVersion: number): Promise<number> {
    return this.store.update(tx, b, expectedVersion);
  }

  async nameTaken(tx: EntityManager, name: string): Promise<boolean> {
    return (await this.store.findBy(tx, { name }, { limit: 1 })).length > 0;
  }
}

/** A credit-repair update as stored: the domain's state and the authority whose officers confirm it. */
export type CreditRepairUpdateRecord = CreditRepairUpdateState & { readonly authorityCode: string };

export class CreditRepairUpdateRepository {
  readonly store = new DocumentStore<CreditRepairUpdateRecord>('credit_repair_update', (r) => ({ uscc: r.uscc, authority_code: r.authorityCode, status: r.status }));

  get(tx: EntityManager, id: string, o: { lock?: boolean } = {}): Promise<Stored<CreditRepairUpdateRecord> | undefined> {
    return this.store.get(tx, id, o);
  }

  /** Inserts the request once: false when a request with that id is recorded already. */
  async insertOnce(tx: EntityManager, r: CreditRepairUpdateRecord): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM "credit_repair_update" WHERE id = $1`, [r.id]);
    if (rows.length > 0) return false;
    await this.store.insert(tx, r);
    return true;
  }

  update(tx: EntityManager, r: CreditRepairUpdateRecord, expectedVersion: number): Promise<number> {
    return this.store.update(tx, r, expectedVersion);
  }

  /** The authority's open updates (PENDING or OVERDUE), oldest request first. */
  async openFor(tx: EntityManager, authorityCode: string): Promise<CreditRepairUpdateRecord[]> {
    const rows: { data: unknown }[] = await tx.query(
      `SELECT data FROM "credit_repair_update" WHERE authority_code = $1 AND status IN ('PENDING', 'OVERDUE') ORDER BY data->>'requestedAt', id LIMIT 1000`,
      [authorityCode],
    );
    return rows.map((r) => reviveDates<CreditRepairUpdateRecord>(r.data));
  }

  /** The company's updates, oldest request first. */
  async forCompany(tx: EntityManager, uscc: string): Promise<CreditRepairUpdateRecord[]> {
    return (await this.store.findBy(tx, { uscc }, { limit: 1000 })).map((s) => s.doc).sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime());
  }
}

export type ForcedExitStatus = 'NOTICE' | 'OBJECTED' | 'REVOKED';

/** A confirmed forced-exit case (§8): notice, then revocation unless the company objects. */
export interface ForcedExitRecord {
  readonly id: string;
  readonly uscc: string;
  readonly authorityCode: string;
  readonly ownerId: string;
  readonly status: ForcedExitStatus;
  /** The day the candidate rule was re-run at, and its result. */
  readonly assessedAsOf: string;
  readonly listedOn: string;
  readonly fullPeriodFrom: string;
  readonly confirmedBy: string;
  readonly confirmedAt: Date;
  readonly noticeEndsAt: Date;
  readonly objection?: { readonly at: Date; readonly by: string; readonly reason: string };
  readonly revokedOn?: string;
  readonly revokedAt?: Date;
}

export class ForcedExitRepository {
  readonly store = new DocumentStore<ForcedExitRecord>('forced_exit', (f) => ({
    uscc: f.uscc,
    open_uscc: f.status === 'NOTICE' ? f.uscc : null,
    status: f.status,
    authority_code: f.authorityCode,
  }));

  get(tx: EntityManager, id: string, o: { lock?: boolean } = {}): Promise<Stored<ForcedExitRecord> | undefined> {
    return this.store.get(tx, id, o);
  }

  insert(tx: EntityManager, f: ForcedExitRecord): Promise<number> {
    return this.store.insert(tx, f);
  }

  update(tx: EntityManager, f: ForcedExitRecord, expectedVersion: number): Promise<number> {
    return this.store.update(tx, f, expectedVersion);
  }

  /** Whether the company has a case whose notice runs, or any case (noticed, objected, revoked) for the listing that began on `listedOn`. */
  async existsFor(tx: EntityManager, uscc: string, listedOn: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM "forced_exit" WHERE uscc = $1 AND (open_uscc IS NOT NULL OR data->>'listedOn' = $2) LIMIT 1`, [uscc, listedOn]);
    return rows.length > 0;
  }

  /** The case whose notice runs for the company, if any. */
  async openFor(tx: EntityManager, uscc: string, o: { lock?: boolean } = {}): Promise<Stored<ForcedExitRecord> | undefined> {
    const rows: { id: string }[] = await tx.query(`SELECT id FROM "forced_exit" WHERE open_uscc = $1`, [uscc]);
    return rows[0] ? this.get(tx, rows[0].id, o) : undefined;
  }
}

/** PROPOSED: waits for an officer; CONFIRMED: a forced-exit case was opened from it; LAPSED: the nightly re-check found it no longer qualifies. */
export type ForcedExitCandidateStatus = 'PROPOSED' | 'CONFIRMED' | 'LAPSED';

/** A forced-exit candidate the nightly rule found (§8 [design]): one per company and night. */
export interface ForcedExitCandidateRecord {
  readonly uscc: string;
  /** The night (local date) the rule found it. */
  readonly asOf: string;
  readonly authorityCode: string;
  readonly listedOn: string;
  readonly fullPeriodFrom: string;
  readonly reasonCodes: readonly string[];
  readonly lastTaxFiledOn?: string;
  readonly status: ForcedExitCandidateStatus;
  readonly caseId?: string;
  readonly foundAt: Date;
  /** Tax's answer to the candidate (`tax.non_filing.confirmed`, R4.7), once it came. */
  readonly taxAnswer?: ForcedExitTaxAnswer;
}

/** What tax said of a candidate: filed nothing while listed (since when), or the return it filed. */
export interface ForcedExitTaxAnswer {
  readonly taxpayerKnown: boolean;
  readonly nonFiling: boolean;
  readonly noReturnSince?: string;
  readonly lastReturnFiledOn?: string;
  readonly answeredAt: string;
}

/** A recorded candidate as the officer's queue shows it: with the company's current name and status. */
export interface QueuedForcedExitCandidate extends ForcedExitCandidateRecord {
  readonly name: string;
  readonly companyStatus: string;
}

interface CandidateRow {
  tax_answer: ForcedExitTaxAnswer | null;
  uscc: string;
  as_of: string;
  authority_code: string;
  listed_on: string;
  full_period_from: string;
  reason_codes: string[];
  last_tax_filed_on: string | null;
  status: ForcedExitCandidateStatus;
  case_id: string | null;
  found_at: Date;
}

const CANDIDATE_SELECT = `c.uscc, c.as_of::text AS as_of, c.authority_code, c.listed_on::text AS listed_on, c.full_period_from::text AS full_period_from,
  c.reason_codes, c.last_tax_filed_on::text AS last_tax_filed_on, c.status, c.case_id, c.found_at, c.tax_answer`;

function toCandidate(r: CandidateRow): ForcedExitCandidateRecord {
  return {
    uscc: r.uscc,
    asOf: r.as_of,
    authorityCode: r.authority_code,
    listedOn: r.listed_on,
    fullPeriodFrom: r.full_period_from,
    reasonCodes: r.reason_codes,
    ...(r.last_tax_filed_on ? { lastTaxFiledOn: r.last_tax_filed_on } : {}),
    status: r.status,
    ...(r.case_id ? { caseId: r.case_id } : {}),
    foundAt: r.found_at,
    ...(r.tax_answer ? { taxAnswer: r.tax_answer } : {}),
  };
}

/** The forced-exit candidates the nightly rule recorded: the officer's queue. */
export class ForcedExitCandidateRepository {
  /** Records a PROPOSED candidate once per company and night (a re-run changes nothing); true when new. */
  async record(tx: EntityManager, c: Omit<ForcedExitCandidateRecord, 'status' | 'caseId'>): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO "forced_exit_candidate" (uscc, as_of, authority_code, listed_on, full_period_from, reason_codes, last_tax_filed_on, status, found_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'PROPOSED', $8)
       ON CONFLICT (uscc, as_of) DO NOTHING RETURNING uscc`,
      [c.uscc, c.asOf, c.authorityCode, c.listedOn, c.fullPeriodFrom, JSON.stringify(c.reasonCodes), c.lastTaxFiledOn ?? null, c.foundAt],
    );
    return rows.length > 0;
  }

  /** Whether a candidate of the company for the listing that began on `listedOn` still waits for an officer. */
  async proposedFor(tx: EntityManager, uscc: string, listedOn: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM "forced_exit_candidate" WHERE uscc = $1 AND status = 'PROPOSED' AND listed_on = $2::date LIMIT 1`, [uscc, listedOn]);
    return rows.length > 0;
  }

  /** The company's candidate records, earliest night first. */
  async forCompany(tx: EntityManager, uscc: string): Promise<ForcedExitCandidateRecord[]> {
    const rows: CandidateRow[] = await tx.query(`SELECT ${CANDIDATE_SELECT} FROM "forced_exit_candidate" c WHERE c.uscc = $1 ORDER BY c.as_of`, [uscc]);
    return rows.map(toCandidate);
  }

  /** The authority's candidates waiting for an officer (one per company: its earliest night), in credit-code order after `afterUscc`. */
  async queue(tx: EntityManager, authorityCode: string, o: { afterUscc?: string; limit: number }): Promise<QueuedForcedExitCandidate[]> {
    const rows: (CandidateRow & { name: string; company_status: string })[] = await tx.query(
      `SELECT DISTINCT ON (c.uscc) ${CANDIDATE_SELECT}, co.name, co.status AS company_status
         FROM "forced_exit_candidate" c JOIN "company" co ON co.uscc = c.uscc
        WHERE c.authority_code = $1 AND c.status = 'PROPOSED' AND c.uscc > $2
        ORDER BY c.uscc, c.as_of LIMIT $3`,
      [authorityCode, o.afterUscc ?? '', o.limit],
    );
    return rows.map((r) => ({ ...toCandidate(r), name: r.name, companyStatus: r.company_status }));
  }

  /** The companies with candidates waiting for an officer, any authority, in credit-code order after `afterUscc`. */
  async proposedCompanies(tx: EntityManager, o: { afterUscc?: string; limit: number }): Promise<string[]> {
    const rows: { uscc: string }[] = await tx.query(
      `SELECT DISTINCT uscc FROM "forced_exit_candidate" WHERE status = 'PROPOSED' AND uscc > $1 ORDER BY uscc LIMIT $2`,
      [o.afterUscc ?? '', o.limit],
    );
    return rows.map((r) => r.uscc);
  }

  /** The company's candidates waiting for an officer, locked (the nightly re-check decides on them), earliest night first. */
  async proposedOf(tx: EntityManager, uscc: string): Promise<ForcedExitCandidateRecord[]> {
    const rows: CandidateRow[] = await tx.query(`SELECT ${CANDIDATE_SELECT} FROM "forced_exit_candidate" c WHERE c.uscc = $1 AND c.status = 'PROPOSED' ORDER BY c.as_of FOR UPDATE`, [uscc]);
    return rows.map(toCandidate);
  }

  /** The re-check found the candidate of that night no longer qualifies: LAPSED (off the queue); true when it was waiting. */
  async lapse(tx: EntityManager, uscc: string, asOf: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(`UPDATE "forced_exit_candidate" SET status = 'LAPSED' WHERE uscc = $1 AND as_of = $2::date AND status = 'PROPOSED' RETURNING uscc`, [uscc, asOf]);
    return rows.length > 0;
  }

  /** Records tax's answer on the company's candidate of that night (whatever its status); true when the candidate exists. */
  async recordTaxAnswer(tx: EntityManager, uscc: string, asOf: string, answer: ForcedExitTaxAnswer): Promise<boolean> {
    const rows: unknown[] = await tx.query(`UPDATE "forced_exit_candidate" SET tax_answer = $3 WHERE uscc = $1 AND as_of = $2::date RETURNING uscc`, [uscc, asOf, JSON.stringify(answer)]);
    return rows.length > 0;
  }

  /** The officer confirmed: the company's waiting candidates are CONFIRMED with the case; returns how many. */
  async confirm(tx: EntityManager, uscc: string, caseId: string): Promise<number> {
    const rows: unknown[] = await tx.query(`UPDATE "forced_exit_candidate" SET status = 'CONFIRMED', case_id = $2 WHERE uscc = $1 AND status = 'PROPOSED' RETURNING uscc`, [uscc, caseId]);
    return rows.length;
  }
}

export type { ChangeRequestStatus } from '@one-window/business-registration/domain';

/** What a change registration asks for: the new values of the facts that change (the domicile resolved at filing). */
export interface RequestedChange {
  readonly resolutionOn: string;
  readonly nameReservationId?: string;
  readonly domicile?: { readonly standardAddressId: string; readonly divisionCode: string; readonly text: string };
  readonly capital?: { readonly amount: string; readonly currency: 'CNY' };
  readonly scopeCodes?: readonly string[];
  readonly legalRepRef?: string;
}

/**
 * A change registration (变更登记) that failed an automatic check and waits for, or got, an officer's
 * decision (§6, §3.2): the domain's ChangeRequest state (review clock, the one supplement round,
 * decision, history) with what the change asks for.
 */
export type ChangeRequestRecord = ChangeRequestState<RequestedChange>;

/** The change request's states that hold the company's one open request (every non-terminal state). */
const OPEN_CHANGE_REQUEST_STATES: readonly ChangeRequestStatus[] = ['PENDING_REVIEW', 'SUPPLEMENT_REQUESTED', 'RESUBMITTED'];

/** Change requests; at most one open (undecided) per company (unique `open_uscc`). */
export class ChangeRequestRepository {
  readonly store = new DocumentStore<ChangeRequestRecord>('change_request', (r) => ({
    uscc: r.uscc,
    open_uscc: OPEN_CHANGE_REQUEST_STATES.includes(r.status) ? r.uscc : null,
    status: r.status,
    authority_code: r.authorityCode,
    owner_id: r.ownerId,
  }));

  get(tx: EntityManager, id: string, o: { lock?: boolean } = {}): Promise<Stored<ChangeRequestRecord> | undefined> {
    return this.store.get(tx, id, o);
  }

  insert(tx: EntityManager, r: ChangeRequestRecord): Promise<number> {
    return this.store.insert(tx, r);
  }

  update(tx: EntityManager, r: ChangeRequestRecord, expectedVersion: number): Promise<number> {
    return this.store.update(tx, r, expectedVersion);
  }

  /** The company's open (undecided) request, if any. */
  async pendingFor(tx: EntityManager, uscc: string): Promise<Stored<ChangeRequestRecord> | undefined> {
    return (await this.store.findBy(tx, { open_uscc: uscc }, { limit: 1 }))[0];
  }

  /** An authority's queue in one status, oldest first (keyset cursor: the last id seen). */
  queue(tx: EntityManager, authorityCode: string, status: ChangeRequestStatus, o: { limit?: number; afterId?: string } = {}): Promise<Stored<ChangeRequestRecord>[]> {
    return this.store.findBy(tx, { authority_code: authorityCode, status }, o);
  }
}
