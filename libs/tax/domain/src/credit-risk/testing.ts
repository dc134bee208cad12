/** Test helpers for the credit-risk, refund and clearance specs (not exported from the library). */
import { describeMachineExhaustively as describeWithActors } from '@one-window/shared/state-machine/testing';
import { TAX_ACTORS } from '../shared/actors';
import type { TaxStateMachine } from '../shared/state-machine';

export { catchError } from '@one-window/shared/state-machine/testing';

export function describeTaxMachine<S extends string, T extends string>(machine: TaxStateMachine<S, T>): void {
  describeWithActors(machine, TAX_ACTORS);
}

/** An instant given as Asia/Shanghai wall-clock time: at('2026-09-30T10:00'). */
export function at(localDateTime: string): Date {
  const date = new Date(`${localDateTime}+08:00`);
  if (Number.isNaN(date.getTime())) throw new Error(`bad test instant ${localDateTime}`);
  return date;
}
