import { defineEvent, type JsonSchema } from '@one-window/shared/messaging';
import { LOCAL_DATE, USCC } from '../schema-parts';
import { REGISTRATION_TOPIC } from '../topic';

/** 多报合一 sections of one annual report (§7, 000 L857–864). */
export const ANNUAL_REPORT_SECTIONS = ['MARKET_REGULATION', 'SOCIAL_INSURANCE', 'CUSTOMS', 'TAX'] as const;
export type AnnualReportSection = (typeof ANNUAL_REPORT_SECTIONS)[number];

/** Reasons for 经营异常名录 (§7). */
export const ABNORMAL_REASON_CODES = ['ANNUAL_REPORT_OVERDUE', 'UNREACHABLE_AT_ADDRESS', 'FALSIFIED_PUBLICITY', 'INFORMATION_NOT_PUBLISHED'] as const;
export type AbnormalReasonCode = (typeof ABNORMAL_REASON_CODES)[number];

const AMOUNT: JsonSchema = { type: 'string', pattern: '^-?\\d+(\\.\\d{1,2})?$', description: 'CNY, decimal string' };
const COUNT: JsonSchema = { type: 'integer', minimum: 0 };
const LISTING_ID: JsonSchema = { type: 'string', minLength: 1, description: 'The abnormal-list entry in business registration' };

export interface AnnualReportFiledData {
  uscc: string;
  /** The report year (the year reported on; filed in the next year's window). */
  year: number;
  reportId: string;
  /** 1 for the report, 2+ for each correction (the latest revision replaces the earlier ones). */
  revision: number;
  /** Local date of this revision. */
  filedOn: string;
  /** Filed after the window closed (补报). */
  late: boolean;
  sections: AnnualReportSection[];
  operatingStatus: 'OPERATING' | 'SUSPENDED' | 'LIQUIDATING';
  employeeCount: number;
  financials: {
    totalAssets: string;
    totalLiabilities: string;
    ownersEquity: string;
    revenue: string;
    mainBusinessRevenue: string;
    totalProfit: string;
    netProfit: string;
    taxPaid: string;
  };
  /** Whether the company chose to publish its financial figures (企业选择公示). */
  financialsPublic: boolean;
  socialInsurance?: {
    insured: { pension: number; unemployment: number; medical: number; workInjury: number; maternity: number };
    contributionBase?: string;
    arrears?: string;
  };
  customs?: { customsRegistrationNo: string; importExport: boolean; crossBorderEcommerce: boolean };
}

/**
 * §7 多报合一: one annual report filed once by the company, shared with every agency that needs it.
 * Keyed by the credit code. No personal data: company figures only (no contact details, no person
 * references).
 */
export const AnnualReportFiled = defineEvent<AnnualReportFiledData>({
  name: 'registration.annual_report.filed',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary:
    'Key: the credit code (uscc). A company filed (revision 1) or corrected (revision 2+, the latest replaces the earlier) its annual report (年报, 多报合一). One filing for many agencies: tax reads operations and financials (000 L864), social insurance reads the SOCIAL_INSURANCE section, customs the CUSTOMS section; `sections` says which are present. Company figures only, no personal data.',
  schema: {
    type: 'object',
    required: ['uscc', 'year', 'reportId', 'revision', 'filedOn', 'late', 'sections', 'operatingStatus', 'employeeCount', 'financials', 'financialsPublic'],
    properties: {
      uscc: USCC,
      year: { type: 'integer', minimum: 2000, maximum: 2999 },
      reportId: { type: 'string', minLength: 1 },
      revision: { type: 'integer', minimum: 1 },
      filedOn: LOCAL_DATE,
      late: { type: 'boolean', description: 'Filed after the window closed (补报)' },
      sections: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: [...ANNUAL_REPORT_SECTIONS] } },
      operatingStatus: { type: 'string', enum: ['OPERATING', 'SUSPENDED', 'LIQUIDATING'] },
      employeeCount: COUNT,
      financials: {
        type: 'object',
        required: ['totalAssets', 'totalLiabilities', 'ownersEquity', 'revenue', 'mainBusinessRevenue', 'totalProfit', 'netProfit', 'taxPaid'],
        properties: {
          totalAssets: AMOUNT,
          totalLiabilities: AMOUNT,
          ownersEquity: AMOUNT,
          revenue: AMOUNT,
          mainBusinessRevenue: AMOUNT,
          totalProfit: AMOUNT,
          netProfit: AMOUNT,
          taxPaid: AMOUNT,
        },
      },
      financialsPublic: { type: 'boolean' },
      socialInsurance: {
        type: 'object',
        required: ['insured'],
        properties: {
          insured: {
            type: 'object',
            required: ['pension', 'unemployment', 'medical', 'workInjury', 'maternity'],
            properties: { pension: COUNT, unemployment: COUNT, medical: COUNT, workInjury: COUNT, maternity: COUNT },
          },
          contributionBase: AMOUNT,
          arrears: AMOUNT,
        },
      },
      customs: {
        type: 'object',
        required: ['customsRegistrationNo', 'importExport', 'crossBorderEcommerce'],
        properties: {
          customsRegistrationNo: { type: 'string', pattern: '^[0-9A-Z]{10}$', description: '海关注册编码' },
          importExport: { type: 'boolean' },
          crossBorderEcommerce: { type: 'boolean' },
        },
      },
    },
  },
  example: {
    uscc: '91440104MA00001B3B',
    year: 2026,
    reportId: '91440104MA00001B3B:2026',
    revision: 1,
    filedOn: '2027-03-02',
    late: false,
    sections: ['MARKET_REGULATION', 'SOCIAL_INSURANCE', 'TAX'],
    operatingStatus: 'OPERATING',
    employeeCount: 12,
    financials: {
      totalAssets: '2500000.00',
      totalLiabilities: '800000.00',
      ownersEquity: '1700000.00',
      revenue: '3200000.00',
      mainBusinessRevenue: '3000000.00',
      totalProfit: '260000.00',
      netProfit: '195000.00',
      taxPaid: '120000.00',
    },
    financialsPublic: false,
    socialInsurance: { insured: { pension: 12, unemployment: 12, medical: 12, workInjury: 12, maternity: 12 } },
  },
});

export interface AbnormalListingData {
  uscc: string;
  listingId: string;
  reasonCode: AbnormalReasonCode;
  /** First day on the list (local date). */
  listedOn: string;
  /** ANNUAL_REPORT_OVERDUE: the report year that was missed. */
  reportYear?: number;
  /** abnormal_removed: the day of removal. */
  removedOn?: string;
}

const LISTING_PROPERTIES: Record<string, JsonSchema> = {
  uscc: USCC,
  listingId: LISTING_ID,
  reasonCode: { type: 'string', enum: [...ABNORMAL_REASON_CODES] },
  listedOn: LOCAL_DATE,
  reportYear: { type: 'integer', minimum: 2000, maximum: 2999 },
  removedOn: LOCAL_DATE,
};

/** §7: a company was put on the abnormal-operations list (经营异常名录). */
export const CompanyAbnormalListed = defineEvent<AbnormalListingData>({
  name: 'registration.company.abnormal_listed',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary:
    'Key: the credit code (uscc). The company was put on the abnormal-operations list (经营异常名录) with a reason: ANNUAL_REPORT_OVERDUE (the system, the day after the report window closed, with reportYear), UNREACHABLE_AT_ADDRESS, FALSIFIED_PUBLICITY or INFORMATION_NOT_PUBLISHED (an officer). While listed: published with constraints, changes are not auto-approved, simplified deregistration is barred, and the forced-exit clock runs (2 full years + no tax filed).',
  schema: { type: 'object', required: ['uscc', 'listingId', 'reasonCode', 'listedOn'], properties: LISTING_PROPERTIES },
  example: { uscc: '91440104MA00001B3B', listingId: '0b5e8a4e-6d0b-4c4f-9a39-3c8c1d2f7a10', reasonCode: 'ANNUAL_REPORT_OVERDUE', listedOn: '2027-07-01', reportYear: 2026 },
});

/** §7 credit repair: the cause was cured and an officer took the company off the list; the forced-exit clock resets. */
export const CompanyAbnormalRemoved = defineEvent<AbnormalListingData>({
  name: 'registration.company.abnormal_removed',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary:
    'Key: the credit code (uscc). One abnormal-list entry was removed after correction (credit repair: e.g. the missed annual report filed, the company reachable again), verified by an officer. The company stays listed while another entry remains; the forced-exit clock restarts from the earliest remaining entry.',
  schema: { type: 'object', required: ['uscc', 'listingId', 'reasonCode', 'listedOn', 'removedOn'], properties: LISTING_PROPERTIES },
  example: {
    uscc: '91440104MA00001B3B',
    listingId: '0b5e8a4e-6d0b-4c4f-9a39-3c8c1d2f7a10',
    reasonCode: 'ANNUAL_REPORT_OVERDUE',
    listedOn: '2027-07-01',
    reportYear: 2026,
    removedOn: '2027-08-15',
  },
});

export const ANNUAL_REPORT_EVENTS = [AnnualReportFiled, CompanyAbnormalListed, CompanyAbnormalRemoved];
