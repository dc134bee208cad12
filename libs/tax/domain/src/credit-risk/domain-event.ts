/** The domain's one event shape lives in ../shared/outcome; kept here as the names these folders use. */
export { taxEvent, type TaxEvent as TaxDomainEvent, type TaxOutcome } from '../shared/outcome';

/** A copy of an instant (aggregates never share mutable Date objects with callers). */
export function copyDate(d: Date): Date {
  return new Date(d.getTime());
}
