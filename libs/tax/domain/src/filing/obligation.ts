import type { WorkingCalendar } from '@one-window/shared/calendar';
import { TaxInvalidArgumentError } from '../shared/errors';
import { taxEvent, type TaxEvent, type TaxOutcome } from '../shared/outcome';
import { create, transition } from '../shared/state-machine';
import { ObligationNotYetOverdueError } from './errors';
import { DEFAULT_FILING_SCHEDULE, dueDateFor, type DueDateRule, type FilingScheduleConfig } from './filing-schedule';
import { OBLIGATION_MACHINE, obligationStatusCode, type ObligationState, type ObligationStatusCode } from './obligation-machine';
import { periodKeyFor, type FilingStream } from './period-key';
import { periodsOverlapping, type TaxPeriod } from './tax-period';
import { COMBINED_RETURN_TAX_TYPES, isTaxType, sortTaxTypes, VAT_RETURN_TAX_TYPES, type TaxType } from './tax-type';

/** The combined return of property-and-behaviour taxes with CIT (多税合一, R6.1, R6.3). */
export const COMBINED_GROUP = 'PROPERTY_BEHAVIOUR_CIT';

/** A filing obligation (申报义务), shaped like an HMRC MTD VAT obligation plus taxTypes (§3, §6). */
export interface Obligation {
  /** Opaque, issued by tax (see periodKeyFor). */
  readonly periodKey: string;
  readonly taxpayerId: string;
  readonly taxTypes: readonly TaxType[];
  /** Set on a combined obligation (R6.3): one periodKey, one receipt, one liability per tax type. */
  readonly combinedGroup?: typeof COMBINED_GROUP;
  /** Its tax types could go on the combined return (R6.1); the taxpayer may choose it before filing. */
  readonly combinable: boolean;
  readonly periodKind: TaxPeriod['kind'];
  /** Inclusive local dates 'YYYY-MM-DD'. */
  readonly start: string;
  readonly end: string;
  /** Last day to file and pay, local date. */
  readonly due: string;
  readonly status: ObligationStatusCode;
  /** Still OPEN after due + 1 ND (set by the timer). */
  readonly overdue: boolean;
  readonly receiptId?: string;
}

/** What scheduling needs to know about the taxpayer (from the Taxpayer record, §3). */
export interface ObligationScheduleFacts {
  readonly taxpayerId: string;
  /** VAT filing period; absent when the taxpayer files no VAT. */
  readonly vatPeriod?: TaxPeriod['kind'];
  /** Registered tax types; those among the 11 of R6.1 are scheduled (VAT and surcharges come from vatPeriod). */
  readonly taxTypes: readonly TaxType[];
  /** Chose the combined return (可选择, R6.1): optional, reversible before filing (R6.3) by re-scheduling open periods. */
  readonly combinedReturn: boolean;
}

/**
 * The obligations for every period that overlaps [from, to] (inclusive 'YYYY-MM-DD'):
 * VAT (with its surcharges) per month or quarter, and for the registered taxes among the 11
 * either one combined obligation per period or one per tax [cfg: quarterly]. Due dates from the
 * configuration table (R6.5). Deterministic: the app stores those whose periodKey is new and
 * emits obligationCreatedEvent for each.
 */
export function scheduleObligations(
  facts: ObligationScheduleFacts,
  from: string,
  to: string,
  calendar: WorkingCalendar,
  config: FilingScheduleConfig = DEFAULT_FILING_SCHEDULE,
): Obligation[] {
  if (from > to) throw new TaxInvalidArgumentError(`from ${from} is after to ${to}`, { from, to });
  const unknown = facts.taxTypes.filter((t) => !isTaxType(t));
  if (unknown.length > 0) throw new TaxInvalidArgumentError(`Unknown tax types: ${unknown.join(', ')}`, { unknown });
  const obligations: Obligation[] = [];
  if (facts.vatPeriod) {
    for (const period of periodsOverlapping(facts.vatPeriod, from, to)) {
      obligations.push(open(facts.taxpayerId, { kind: 'VAT' }, VAT_RETURN_TAX_TYPES, period, config.vat, calendar));
    }
  }
  const eleven = sortTaxTypes(facts.taxTypes.filter((t) => (COMBINED_RETURN_TAX_TYPES as readonly TaxType[]).includes(t)));
  if (eleven.length > 0) {
    for (const period of periodsOverlapping(config.combinedPeriod, from, to)) {
      if (facts.combinedReturn) {
        obligations.push(open(facts.taxpayerId, { kind: 'COMBINED' }, eleven, period, config.combined, calendar));
      } else {
        for (const taxType of eleven) {
          obligations.push(open(facts.taxpayerId, { kind: 'SINGLE', taxType }, [taxType], period, config.single, calendar));
        }
      }
    }
  }
  return obligations;
}

function open(
  taxpayerId: string,
  stream: FilingStream,
  taxTypes: readonly TaxType[],
  period: TaxPeriod,
  rule: DueDateRule,
  calendar: WorkingCalendar,
): Obligation {
  const state = create(OBLIGATION_MACHINE, 'schedule', 'system');
  return {
    periodKey: periodKeyFor(stream, period),
    taxpayerId,
    taxTypes: [...taxTypes],
    ...(stream.kind === 'COMBINED' ? { combinedGroup: COMBINED_GROUP } : {}),
    combinable: stream.kind !== 'VAT',
    periodKind: period.kind,
    start: period.start,
    end: period.end,
    due: dueDateFor(period, rule, calendar).toString(),
    status: obligationStatusCode(state),
    overdue: false,
  };
}

/** The machine state behind the HMRC status code. */
export function obligationState(obligation: Pick<Obligation, 'status'>): ObligationState {
  return obligation.status === 'O' ? 'OPEN' : 'FULFILLED';
}

/** `tax.obligation.created` (§14: periodKey, taxTypes, due). */
export function obligationCreatedEvent(obligation: Obligation, at: Date): TaxEvent {
  return taxEvent('tax.obligation.created', obligation.taxpayerId, at, {
    periodKey: obligation.periodKey,
    taxTypes: [...obligation.taxTypes],
    combinedGroup: obligation.combinedGroup ?? null,
    start: obligation.start,
    end: obligation.end,
    due: obligation.due,
  });
}

/** When the overdue timer fires: due + 1 ND, i.e. 00:00 local after the due day has ended (§6). */
export function overdueAt(obligation: Pick<Obligation, 'due'>, calendar: WorkingCalendar): Date {
  return calendar.dueAtEndOfDay(obligation.due);
}

/**
 * The timer flags an OPEN obligation overdue (it stays OPEN; a late return is still accepted).
 * Emits `tax.obligation.overdue` (a risk indicator, §8). Redelivery of the timer is a no-op.
 */
export function flagObligationOverdue(obligation: Obligation, at: Date, calendar: WorkingCalendar): TaxOutcome<Obligation> {
  transition(OBLIGATION_MACHINE, obligationState(obligation), 'flag_overdue', 'timer');
  if (obligation.overdue) return { aggregate: obligation, events: [] };
  const when = overdueAt(obligation, calendar);
  if (at.getTime() < when.getTime()) throw new ObligationNotYetOverdueError(obligation.periodKey, when);
  const aggregate: Obligation = { ...obligation, overdue: true };
  return {
    aggregate,
    events: [
      taxEvent('tax.obligation.overdue', obligation.taxpayerId, at, {
        periodKey: obligation.periodKey,
        taxTypes: [...obligation.taxTypes],
        due: obligation.due,
      }),
    ],
  };
}
