import type { AnnualReportFiledData as AnnualReportFiledEvent, AnnualReportSection } from '@one-window/business-registration/contracts';
import { annualReportFiled } from '@one-window/business-registration/domain';
import type { AnnualReportContent, AnnualReportRecord } from '@one-window/business-registration/data-access';
import type { AnnualReportContentDto } from '../file-annual-report/annual-report.dto';

/** Only ACTIVE and DORMANT (歇业) companies file annual reports and are listed for missing one. */
export const REPORTING_STATUSES = new Set(['ACTIVE', 'DORMANT']);

/** The report as stored (the DTO's content, defaults filled). */
export function reportContentOf(dto: AnnualReportContentDto): AnnualReportContent {
  const b = dto.basicInfo;
  const o = dto.operations;
  return {
    basicInfo: {
      operatingStatus: b.operatingStatus,
      employeeCount: b.employeeCount,
      contactPhone: b.contactPhone,
      ...(b.email ? { email: b.email } : {}),
      postalAddress: b.postalAddress,
      websites: [...(b.websites ?? [])],
    },
    operations: {
      totalAssets: o.totalAssets,
      totalLiabilities: o.totalLiabilities,
      ownersEquity: o.ownersEquity,
      revenue: o.revenue,
      mainBusinessRevenue: o.mainBusinessRevenue,
      totalProfit: o.totalProfit,
      netProfit: o.netProfit,
      taxPaid: o.taxPaid,
      publishFinancials: o.publishFinancials,
    },
    ...(dto.socialSecurity
      ? {
          socialSecurity: {
            insured: { ...dto.socialSecurity.insured },
            ...(dto.socialSecurity.contributionBase ? { contributionBase: dto.socialSecurity.contributionBase } : {}),
            ...(dto.socialSecurity.arrears ? { arrears: dto.socialSecurity.arrears } : {}),
          },
        }
      : {}),
    ...(dto.customs
      ? { customs: { customsRegistrationNo: dto.customs.customsRegistrationNo, importExport: dto.customs.importExport, crossBorderEcommerce: dto.customs.crossBorderEcommerce ?? false } }
      : {}),
  };
}

/** Which agencies the filing feeds (多报合一): market regulation and tax always; social insurance and customs when reported. */
export function reportSections(c: AnnualReportContent): AnnualReportSection[] {
  return [
    'MARKET_REGULATION',
    ...(c.socialSecurity ? (['SOCIAL_INSURANCE'] as const) : []),
    ...(c.customs ? (['CUSTOMS'] as const) : []),
    'TAX',
  ];
}

/**
 * `registration.annual_report.filed`: the domain's (uscc, year, sections) plus the figures the
 * agencies read. No contact details and no person references (Q7).
 */
export function reportFiledEvent(r: AnnualReportRecord): AnnualReportFiledEvent {
  const base = annualReportFiled(r.uscc, r.year, reportSections(r.content));
  const c = r.content;
  const { publishFinancials, ...financials } = c.operations;
  return {
    uscc: base.uscc,
    year: base.year,
    reportId: r.id,
    revision: r.revision,
    filedOn: r.revisions[r.revisions.length - 1].filedOn,
    late: r.late,
    sections: base.sections as AnnualReportSection[],
    operatingStatus: c.basicInfo.operatingStatus,
    employeeCount: c.basicInfo.employeeCount,
    financials,
    financialsPublic: publishFinancials,
    ...(c.socialSecurity ? { socialInsurance: c.socialSecurity } : {}),
    ...(c.customs ? { customs: c.customs } : {}),
  };
}

/** The report as the company and the authority's officers see it. */
export function reportView(r: AnnualReportRecord, version: number) {
  return {
    id: r.id,
    uscc: r.uscc,
    year: r.year,
    revision: r.revision,
    firstFiledOn: r.firstFiledOn,
    late: r.late,
    sections: reportSections(r.content),
    ...r.content,
    revisions: r.revisions.map((v) => ({ revision: v.revision, filedOn: v.filedOn, filedAt: v.filedAt })),
    version,
  };
}
