/** The tax domain's view of the shared engine: tables typed with tax actors, refusals coded `tax.transition.*`. */
import type * as engine from '@one-window/shared/state-machine';
import type { TaxActor } from './actors';

export type TaxStateMachine<S extends string, T extends string> = engine.StateMachine<S, T, TaxActor>;
export { create, transition, allowedTriggers, toMermaid } from '@one-window/shared/state-machine';
