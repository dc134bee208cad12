import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  assessSmallScalePeriod,
  InvalidReturnError,
  periodsOverlapping,
  type Obligation,
  type ReliefRuleBook,
  type ReturnLine,
  type SmallScaleSalesLine,
  type TaxPeriod,
  type TaxpayerState,
} from '@one-window/tax/domain';
import { PublishedRules } from '../../shared/published-rules';
import { reliefFactsOf } from './taxpayer-filing-facts';

/** What a return or an amendment carries: the lines, and for a small-scale VAT return the sales they are computed from. */
export interface SubmittedLines {
  readonly lines?: readonly ReturnLine[];
  readonly sales?: readonly SmallScaleSalesLine[];
}

/** The relief rules (E1, E2): every version admins have published (the shipped rules are the seeded first versions). */
@Injectable()
export class ReliefRules {
  constructor(private readonly published: PublishedRules) {}

  book(tx: EntityManager): Promise<ReliefRuleBook> {
    return this.published.reliefRuleBook(tx);
  }
}

/** The period an obligation is for. */
export function periodOf(o: Pick<Obligation, 'periodKind' | 'start' | 'end'>): TaxPeriod {
  return periodsOverlapping(o.periodKind, o.start, o.end)[0];
}

/**
 * The lines to file. A small-scale taxpayer's VAT return is assessed by the service from its
 * `sales` with the relief rules in force for the obligation's period (E1: the period, not the
 * filing date), so each line carries the `ruleVersions` applied; `lines`, if also sent, must
 * agree with the assessment. Every other return is filed with the `lines` as sent.
 */
export function linesToFile(taxpayer: TaxpayerState, obligation: Obligation, submitted: SubmittedLines, book: ReliefRuleBook): ReturnLine[] {
  const smallScaleVat = taxpayer.vatStatus === 'SMALL_SCALE' && obligation.taxTypes.includes('VAT');
  if (!smallScaleVat) {
    if (submitted.sales) throw new InvalidReturnError(['sales apply only to the VAT return of a small-scale taxpayer; send lines']);
    if (!submitted.lines) throw new InvalidReturnError(['lines are required']);
    return [...submitted.lines];
  }
  if (!submitted.sales) throw new InvalidReturnError(['sales are required on a small-scale VAT return (its lines are assessed from them)']);
  const assessment = assessSmallScalePeriod({ taxpayer: reliefFactsOf(taxpayer), period: periodOf(obligation), sales: submitted.sales }, book);
  const assessed: ReturnLine[] = assessment.lines.map((l) => ({ taxType: l.taxType, taxableBase: l.base, taxPayable: l.tax, ruleVersions: [...l.ruleVersions] }));
  if (submitted.lines) {
    const problems = submitted.lines.flatMap((line, i) => {
      const own = assessed.find((a) => a.taxType === line.taxType);
      if (!own) return [`lines[${i}].taxType ${line.taxType} is not assessed on this return`];
      return own.taxPayable === normalise(line.taxPayable) ? [] : [`lines[${i}].taxPayable ${line.taxPayable} differs from the assessed ${own.taxPayable}`];
    });
    if (problems.length > 0) throw new InvalidReturnError(problems);
  }
  return assessed;
}

function normalise(amount: string): string {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  return m ? `${BigInt(m[1])}.${(m[2] ?? '').padEnd(2, '0')}` : amount;
}
