/**
 * The handling report (办理情况报告) a unit submits to the centre, spec §3.5 (002 L1580–1600),
 * and its completeness check by ticket type and outcome. Per-scenario closure standards
 * (诉求分类办结标准, 002 L247) are configuration the audit applies; not modelled here.
 */
import {
  DEFAULT_SPECIAL_CATEGORIES,
  isOutcomeCode,
  isSpecialCategory,
  OUTCOMES_BY_TYPE,
  type OutcomeCode,
  type TicketType,
} from './ticket-types';

export interface HandlingReport {
  /** (1) process: steps and result; lead unit and sub-office come from the ticket (002 L1582). */
  readonly process: { readonly steps: string; readonly result: string };
  /** (3) other remarks (002 L1588). */
  readonly remarks?: string;
  /** CONSULTATION: the basis of the answer (002 L1592). */
  readonly answerBasis?: string;
  /** HELP: measures taken and result (002 L1598); REPORT: administrative measures taken (002 L1596). */
  readonly measures?: string;
  /** REPORT: whether a case was opened (002 L1596). */
  readonly caseFiled?: boolean;
  /** COMPLAINT consumer mediation: agreed or not, with the result or document (002 L1594). */
  readonly mediation?: { readonly agreed: boolean; readonly resultOrDocumentRef: string };
  /** SUGGESTION: adopted → existing measures or plan; not adopted → reasons under the unit's duties (002 L1600). */
  readonly adoption?: { readonly adopted: boolean; readonly planOrReasons: string };
  /** Documents: the written result of a repeat ticket (002 L1608), special-category proof (002 L1544). */
  readonly evidenceRefs?: readonly string[];
}

const SUBSTANTIVE: readonly OutcomeCode[] = [
  'HANDLED',
  'CASE_FILED',
  'SUGGESTION_ADOPTED',
  'SUGGESTION_NOT_ADOPTED',
  'MEDIATION_AGREED',
  'MEDIATION_NOT_AGREED',
];

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

/** What is missing or inconsistent in `report` for a `type` ticket closing with `outcome` (empty = complete). */
export function reportProblems(
  type: TicketType,
  outcome: string,
  report: HandlingReport,
  specialCategories: readonly string[] = DEFAULT_SPECIAL_CATEGORIES,
): string[] {
  const problems: string[] = [];
  if (!isOutcomeCode(outcome, specialCategories)) return [`unknown outcome code ${outcome}`];
  if (!isSpecialCategory(outcome) && !OUTCOMES_BY_TYPE[type].includes(outcome as never)) {
    problems.push(`outcome ${outcome} is not used for ${type} tickets`);
  }
  if (blank(report.process.steps)) problems.push('process.steps (002 L1582)');
  if (blank(report.process.result)) problems.push('process.result (002 L1582)');
  if (isSpecialCategory(outcome) || outcome === 'REPEAT_NO_NEW_FACTS') {
    if ((report.evidenceRefs ?? []).length === 0) problems.push(`evidenceRefs for ${outcome} (002 L1544, L1608)`);
  }
  if (SUBSTANTIVE.includes(outcome)) {
    if (type === 'CONSULTATION' && blank(report.answerBasis)) problems.push('answerBasis (002 L1592)');
    if ((type === 'HELP' || type === 'REPORT') && blank(report.measures)) problems.push(`measures (${type === 'HELP' ? '002 L1598' : '002 L1596'})`);
    if (type === 'REPORT') {
      if (report.caseFiled === undefined) problems.push('caseFiled (002 L1596)');
      else if ((outcome === 'CASE_FILED') !== report.caseFiled) problems.push('caseFiled must match the CASE_FILED outcome (002 L1596)');
    }
    if (outcome === 'MEDIATION_AGREED' || outcome === 'MEDIATION_NOT_AGREED') {
      if (!report.mediation || blank(report.mediation.resultOrDocumentRef)) problems.push('mediation.resultOrDocumentRef (002 L1594)');
      else if (report.mediation.agreed !== (outcome === 'MEDIATION_AGREED')) problems.push('mediation.agreed must match the outcome (002 L1594)');
    }
    if (type === 'SUGGESTION') {
      if (!report.adoption || blank(report.adoption.planOrReasons)) problems.push('adoption.planOrReasons (002 L1600)');
      else if (report.adoption.adopted !== (outcome === 'SUGGESTION_ADOPTED')) problems.push('adoption.adopted must match the outcome (002 L1600)');
    }
  }
  return problems;
}
