/** Test helpers (not exported from the library): the shared exhaustive machine check with this service's actors. */
import { describeMachineExhaustively as describeWithActors } from '@one-window/shared/state-machine/testing';
import { COMPLAINT_ACTORS } from './actors';
import type { StateMachine } from './state-machine';

export { at, catchError } from '@one-window/shared/state-machine/testing';

export function describeMachineExhaustively<S extends string, T extends string>(machine: StateMachine<S, T>): void {
  describeWithActors(machine, COMPLAINT_ACTORS);
}
