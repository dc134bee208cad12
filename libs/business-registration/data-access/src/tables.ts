import { NameRulesVersionEntity } from './name-rules-versions';
import { EntitySchema } from 'typeorm';
import { documentEntity, type ColumnType } from '@one-window/shared/persistence';

/** Projected columns of the document tables (the rest of each aggregate lives in `data`). */
export const NAME_RESERVATION_COLUMNS = {
  applicant_id: 'text',
  status: 'text',
  trade_name_key: 'text',
  authority_code: 'text',
  industry_code: 'text',
} as const satisfies Record<string, ColumnType>;

export const APPLICATION_COLUMNS = {
  applicant_id: 'text',
  authority_code: 'text',
  status: 'text',
  uscc: 'text',
} as const satisfies Record<string, ColumnType>;

export const COMPANY_COLUMNS = {
  uscc: 'text',
  name: 'text',
  status: 'text',
  authority_code: 'text',
  owner_id: 'text',
} as const satisfies Record<string, ColumnType>;

/** Electronic business licences (电子营业执照), one row per issued version; `licence_version` (the document's own `version` is its optimistic lock). */
export const LICENCE_COLUMNS = {
  uscc: 'text',
  status: 'text',
  licence_version: 'integer',
} as const satisfies Record<string, ColumnType>;

/** Setup bundles (照章税保金银), one per company; the id is the credit code. */
export const SETUP_BUNDLE_COLUMNS = {
  status: 'text',
  seal_maker_id: 'text',
  bank_code: 'text',
} as const satisfies Record<string, ColumnType>;

/** The seal makers' rotation (cursor, current year's late counts), one document per roster. */
export const SEAL_ROTATION_COLUMNS = {
  year: 'integer',
} as const satisfies Record<string, ColumnType>;

/**
 * Deregistrations (注销), one row per case; `open_uscc` is the credit code while the case is open
 * (NULL once DEREGISTERED, REFUSED or LAPSED), so its unique index allows one open case per company.
 */
export const DEREGISTRATION_COLUMNS = {
  uscc: 'text',
  open_uscc: 'text',
  route: 'text',
  status: 'text',
  owner_id: 'text',
  authority_code: 'text',
} as const satisfies Record<string, ColumnType>;

/** Annual reports (年报), one row per company and report year; the id is `<uscc>:<year>`. */
export const ANNUAL_REPORT_COLUMNS = {
  uscc: 'text',
  report_year: 'integer',
  authority_code: 'text',
} as const satisfies Record<string, ColumnType>;

/**
 * Abnormal-list entries (经营异常名录), one row per listing; `open_key` is `<uscc>:<reason>[:<year>]`
 * while LISTED (NULL once REMOVED), so its unique index allows one open entry per company and cause.
 */
export const ABNORMAL_LISTING_COLUMNS = {
  uscc: 'text',
  open_key: 'text',
  status: 'text',
  reason_code: 'text',
  listed_on: 'date',
  report_year: 'integer',
  authority_code: 'text',
} as const satisfies Record<string, ColumnType>;

/** 一照多址 filings: extra premises of a company, one row per filing. */
export const PREMISES_FILING_COLUMNS = {
  uscc: 'text',
  standard_address_id: 'text',
} as const satisfies Record<string, ColumnType>;

/** Branches (分支机构), one row per branch; the id is the branch's own credit code. */
export const BRANCH_COLUMNS = {
  parent_uscc: 'text',
  name: 'text',
  authority_code: 'text',
} as const satisfies Record<string, ColumnType>;

/** Forced-exit cases (强制退出), one per confirmation; `open_uscc` is set while the notice runs (one open case per company). */
export const FORCED_EXIT_COLUMNS = {
  uscc: 'text',
  open_uscc: 'text',
  status: 'text',
  authority_code: 'text',
} as const satisfies Record<string, ColumnType>;

/**
 * Change requests (变更登记) routed to an officer; `open_uscc` is the credit code while the request is
 * undecided (PENDING_REVIEW, SUPPLEMENT_REQUESTED, RESUBMITTED; NULL once decided), so its unique
 * index allows one open request per company. The review clock, the supplement round and the
 * history live in the document (`data`).
 */
export const CHANGE_REQUEST_COLUMNS = {
  uscc: 'text',
  open_uscc: 'text',
  status: 'text',
  authority_code: 'text',
  owner_id: 'text',
} as const satisfies Record<string, ColumnType>;

/** Indexes, shared by the migration and the entity descriptions (so the drift check compares like with like). */
export const NAME_RESERVATION_INDICES = [
  { name: 'IDX_name_reservation_applicant', columns: ['applicant_id'] },
  { name: 'IDX_name_reservation_trade_name_key', columns: ['trade_name_key'] },
  { name: 'IDX_name_reservation_industry_status', columns: ['industry_code', 'status'] },
];
export const APPLICATION_INDICES = [
  { name: 'IDX_application_applicant', columns: ['applicant_id'] },
  { name: 'IDX_application_authority_status', columns: ['authority_code', 'status'] },
];
export const COMPANY_INDICES = [
  { name: 'UQ_company_uscc', columns: ['uscc'], unique: true },
  { name: 'IDX_company_owner', columns: ['owner_id'] },
  { name: 'IDX_company_authority', columns: ['authority_code'] },
];

export const LICENCE_INDICES = [{ name: 'UQ_licence_uscc_version', columns: ['uscc', 'licence_version'], unique: true }];

export const SETUP_BUNDLE_INDICES = [
  { name: 'IDX_setup_bundle_status', columns: ['status'] },
  { name: 'IDX_setup_bundle_seal_maker', columns: ['seal_maker_id'] },
];

export const DEREGISTRATION_INDICES = [
  { name: 'IDX_deregistration_uscc', columns: ['uscc'] },
  { name: 'UQ_deregistration_open_uscc', columns: ['open_uscc'], unique: true },
  { name: 'IDX_deregistration_authority_status', columns: ['authority_code', 'status'] },
];

export const ANNUAL_REPORT_INDICES = [
  { name: 'UQ_annual_report_uscc_year', columns: ['uscc', 'report_year'], unique: true },
  { name: 'IDX_annual_report_year', columns: ['report_year'] },
];

export const ABNORMAL_LISTING_INDICES = [
  { name: 'UQ_abnormal_listing_open_key', columns: ['open_key'], unique: true },
  { name: 'IDX_abnormal_listing_uscc', columns: ['uscc'] },
  { name: 'IDX_abnormal_listing_status_listed_on', columns: ['status', 'listed_on'] },
  { name: 'IDX_abnormal_listing_authority_status', columns: ['authority_code', 'status'] },
];

export const PREMISES_FILING_INDICES = [{ name: 'UQ_premises_filing_uscc_address', columns: ['uscc', 'standard_address_id'], unique: true }];
export const BRANCH_INDICES = [
  { name: 'IDX_branch_parent', columns: ['parent_uscc'] },
  { name: 'UQ_branch_name', columns: ['name'], unique: true },
];
export const FORCED_EXIT_INDICES = [
  { name: 'IDX_forced_exit_uscc', columns: ['uscc'] },
  { name: 'UQ_forced_exit_open_uscc', columns: ['open_uscc'], unique: true },
];

export const CHANGE_REQUEST_INDICES = [
  { name: 'IDX_change_request_uscc', columns: ['uscc'] },
  { name: 'UQ_change_request_open_uscc', columns: ['open_uscc'], unique: true },
  { name: 'IDX_change_request_authority_status', columns: ['authority_code', 'status'] },
];

export const NameReservationEntity = documentEntity('name_reservation', NAME_RESERVATION_COLUMNS, NAME_RESERVATION_INDICES);
export const ApplicationEntity = documentEntity('application', APPLICATION_COLUMNS, APPLICATION_INDICES);
export const CompanyEntity = documentEntity('company', COMPANY_COLUMNS, COMPANY_INDICES);
export const LicenceEntity = documentEntity('licence', LICENCE_COLUMNS, LICENCE_INDICES);

export const SetupBundleEntity = documentEntity('setup_bundle', SETUP_BUNDLE_COLUMNS, SETUP_BUNDLE_INDICES);
export const SealRotationEntity = documentEntity('seal_maker_rotation', SEAL_ROTATION_COLUMNS);
export const DeregistrationEntity = documentEntity('deregistration', DEREGISTRATION_COLUMNS, DEREGISTRATION_INDICES);
export const AnnualReportEntity = documentEntity('annual_report', ANNUAL_REPORT_COLUMNS, ANNUAL_REPORT_INDICES);
export const AbnormalListingEntity = documentEntity('abnormal_listing', ABNORMAL_LISTING_COLUMNS, ABNORMAL_LISTING_INDICES);
export const PremisesFilingEntity = documentEntity('premises_filing', PREMISES_FILING_COLUMNS, PREMISES_FILING_INDICES);
export const BranchEntity = documentEntity('branch', BRANCH_COLUMNS, BRANCH_INDICES);
export const ForcedExitEntity = documentEntity('forced_exit', FORCED_EXIT_COLUMNS, FORCED_EXIT_INDICES);
export const ChangeRequestEntity = documentEntity('change_request', CHANGE_REQUEST_COLUMNS, CHANGE_REQUEST_INDICES);

/**
 * Tax returns filed (from `tax.return.filed`), one row per return: the "no tax filed" projection
 * used for forced exit (§8). Only what that rule needs: the company, the day, the period.
 */
export const TaxReturnFilingEntity = new EntitySchema({
  name: 'tax_return_filing',
  columns: {
    return_id: { type: 'text', primary: true, primaryKeyConstraintName: 'PK_tax_return_filing' },
    uscc: { type: 'text' },
    period_key: { type: 'text' },
    filed_on: { type: 'date' },
    event_id: { type: 'text' },
    recorded_at: { type: 'timestamp with time zone' },
  },
  indices: [{ name: 'IDX_tax_return_filing_uscc_filed_on', columns: ['uscc', 'filed_on'] }],
});

/**
 * Forced-exit candidates found by the nightly rule (§8 [design]: "Nightly rule → candidates →
 * officer confirms"), one row per company and the night (`as_of`, Asia/Shanghai) it was found, so a
 * re-run of the same night adds nothing. `status` PROPOSED while it waits for an officer, CONFIRMED
 * (with the case) once one confirmed it.
 */
export const ForcedExitCandidateEntity = new EntitySchema({
  name: 'forced_exit_candidate',
  columns: {
    uscc: { type: 'text', primary: true, primaryKeyConstraintName: 'PK_forced_exit_candidate' },
    as_of: { type: 'date', primary: true, primaryKeyConstraintName: 'PK_forced_exit_candidate' },
    authority_code: { type: 'text' },
    listed_on: { type: 'date' },
    full_period_from: { type: 'date' },
    reason_codes: { type: 'jsonb' },
    last_tax_filed_on: { type: 'date', nullable: true },
    status: { type: 'text' },
    case_id: { type: 'text', nullable: true },
    found_at: { type: 'timestamp with time zone' },
    /** Tax's answer (`tax.non_filing.confirmed`, R4.7), migration 1790001300000. */
    tax_answer: { type: 'jsonb', nullable: true },
  },
  indices: [
    { name: 'IDX_forced_exit_candidate_authority_status', columns: ['authority_code', 'status', 'uscc'] },
    { name: 'IDX_forced_exit_candidate_uscc_status', columns: ['uscc', 'status'] },
  ],
});

/** Each seal maker's late deliveries per calendar year, kept after the year ends (the rotation document holds only the current year). */
export const SealMakerLatenessEntity = new EntitySchema({
  name: 'seal_maker_lateness',
  columns: {
    maker_id: { type: 'text', primary: true, primaryKeyConstraintName: 'PK_seal_maker_lateness' },
    year: { type: 'integer', primary: true, primaryKeyConstraintName: 'PK_seal_maker_lateness' },
    late_count: { type: 'integer' },
    warned: { type: 'boolean' },
    disqualified: { type: 'boolean' },
    updated_at: { type: 'timestamp with time zone' },
  },
});


/** Credit-repair updates of the enterprise credit publicity system (信用修复, §7; bankruptcy.md §6.6), one per request. */
export const CREDIT_REPAIR_UPDATE_COLUMNS = {
  uscc: 'text',
  authority_code: 'text',
  status: 'text',
} as const satisfies Record<string, ColumnType>;
export const CREDIT_REPAIR_UPDATE_INDICES = [
  { name: 'IDX_credit_repair_update_uscc', columns: ['uscc'] },
  { name: 'IDX_credit_repair_update_authority_status', columns: ['authority_code', 'status'] },
];
export const CreditRepairUpdateEntity = documentEntity('credit_repair_update', CREDIT_REPAIR_UPDATE_COLUMNS, CREDIT_REPAIR_UPDATE_INDICES);

export const REGISTRATION_ENTITIES = [
  NameReservationEntity,
  ApplicationEntity,
  CompanyEntity,
  LicenceEntity,
  SetupBundleEntity,
  SealRotationEntity,
  SealMakerLatenessEntity,
  DeregistrationEntity,
  AnnualReportEntity,
  AbnormalListingEntity,
  TaxReturnFilingEntity,
  PremisesFilingEntity,
  BranchEntity,
  ForcedExitEntity,
  ChangeRequestEntity,
  NameRulesVersionEntity,
  ForcedExitCandidateEntity,
  CreditRepairUpdateEntity,
];
