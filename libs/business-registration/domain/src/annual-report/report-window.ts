import { LocalDate } from '@one-window/shared/calendar';

/** The annual-report (年报) window for a report year [NR, cfg]: 1 Jan – 30 Jun of the next year. */
export interface ReportWindowPolicy {
  /** 'MM-DD' in the following year, inclusive. */
  readonly opens: string;
  readonly closes: string;
}

export const DEFAULT_REPORT_WINDOW: ReportWindowPolicy = { opens: '01-01', closes: '06-30' };

export function reportWindow(reportYear: number, policy: ReportWindowPolicy = DEFAULT_REPORT_WINDOW): { opensOn: string; closesOn: string } {
  const year = reportYear + 1;
  return { opensOn: LocalDate.parse(`${year}-${policy.opens}`).toString(), closesOn: LocalDate.parse(`${year}-${policy.closes}`).toString() };
}

export function isWithinReportWindow(reportYear: number, day: string, policy: ReportWindowPolicy = DEFAULT_REPORT_WINDOW): boolean {
  const { opensOn, closesOn } = reportWindow(reportYear, policy);
  return day >= opensOn && day <= closesOn;
}

/**
 * Missed: not filed and `today` is after the closing day. An entity established during the
 * report year still reports for it [NR]; one established after it does not (not checked here).
 */
export function isReportOverdue(reportYear: number, today: string, filedOn?: string, policy: ReportWindowPolicy = DEFAULT_REPORT_WINDOW): boolean {
  return filedOn === undefined && today > reportWindow(reportYear, policy).closesOn;
}

export interface AnnualReportFiledData {
  uscc: string;
  year: number;
  sections: string[];
}

/** 多报合一 sections of one filing (000 L857–864). */
export const REPORT_SECTIONS = ['MARKET_REGULATION', 'SOCIAL_INSURANCE', 'CUSTOMS', 'TAX'] as const;

export function annualReportFiled(uscc: string, year: number, sections: readonly string[] = REPORT_SECTIONS): AnnualReportFiledData {
  return { uscc, year, sections: [...sections] };
}
