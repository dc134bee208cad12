/**
 * The registration domain's view of the shared state-machine engine (@one-window/shared/state-machine):
 * the tables are typed with this service's actors, and refusals carry `registration.transition.*` codes.
 */
import type * as engine from '@one-window/shared/state-machine';
import type { Actor } from './actors';

export type TransitionRow<S extends string, T extends string> = engine.TransitionRow<S, T, Actor>;
export type CreationRow<S extends string, T extends string> = engine.CreationRow<S, T, Actor>;
export type StateMachine<S extends string, T extends string> = engine.StateMachine<S, T, Actor>;

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
