/**
 * The complaints domain's view of the shared state-machine engine
 * (@one-window/shared/state-machine): tables typed with this service's actors; refusals carry
 * `complaints.transition.*` codes (every machine here uses `codePrefix: 'complaints'`).
 */
import type * as engine from '@one-window/shared/state-machine';
import type { ComplaintActor } from './actors';

export type TransitionRow<S extends string, T extends string> = engine.TransitionRow<S, T, ComplaintActor>;
export type CreationRow<S extends string, T extends string> = engine.CreationRow<S, T, ComplaintActor>;
export type StateMachine<S extends string, T extends string> = engine.StateMachine<S, T, ComplaintActor>;

export {
  ActorNotAllowedError,
  allowedTriggers,
  create,
  findTransition,
  StateMachineError,
  tableProblems,
  toMermaid,
  transition,
  TransitionNotAllowedError,
} from '@one-window/shared/state-machine';
