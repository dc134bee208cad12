import { CodedError } from './coded-error';

/**
 * State machines as data: one table of transitions per aggregate. Every service's domain
 * library declares its tables with these types; the aggregate methods call `transition` /
 * `create`, the tests run `describeMachineExhaustively` (./testing), and docs are drawn with
 * `toMermaid`. Plain TypeScript: no Nest, TypeORM or Kafka.
 */

/** One row of a transition table: from one of `from`, `trigger` leads to `to`, done by one of `actors`. */
export interface TransitionRow<S extends string, T extends string, A extends string = string> {
  readonly from: readonly S[];
  readonly trigger: T;
  /** The target state, or `{ returnTo }`: back to the state the aggregate came from (one of these). */
  readonly to: S | { readonly returnTo: readonly S[] };
  readonly actors: readonly A[];
  /** The guard or time limit in words (documentation; the aggregate method enforces it). */
  readonly guard?: string;
}

/** A row that creates the aggregate (from "—" in the spec). */
export interface CreationRow<S extends string, T extends string, A extends string = string> {
  readonly trigger: T;
  readonly to: S;
  readonly actors: readonly A[];
  readonly guard?: string;
}

/** A state machine as data: every state, every trigger, and the only transitions allowed. */
export interface StateMachine<S extends string, T extends string, A extends string = string> {
  /** Stable name, used in errors and diagrams ('name-reservation'). */
  readonly name: string;
  /** First segment of the error codes (`<codePrefix>.transition.not_allowed`): the service's error namespace. */
  readonly codePrefix: string;
  readonly states: readonly S[];
  readonly triggers: readonly T[];
  readonly creations: readonly CreationRow<S, T, A>[];
  readonly transitions: readonly TransitionRow<S, T, A>[];
  /** States with no way out (rendered `--> [*]`). */
  readonly terminal: readonly S[];
}

/** The root of the two refusals below. */
export abstract class StateMachineError extends CodedError {}

/** The trigger is not defined from this state (or to create) in the machine's table. */
export class TransitionNotAllowedError extends StateMachineError {
  readonly code: string;

  constructor(machine: Pick<StateMachine<string, string>, 'name' | 'codePrefix'>, state: string | undefined, trigger: string) {
    super(`${machine.name}: '${trigger}' is not allowed ${state === undefined ? 'to create' : `from ${state}`}`, {
      machine: machine.name,
      state: state ?? null,
      trigger,
    });
    this.code = `${machine.codePrefix}.transition.not_allowed`;
  }
}

/** The transition exists but this actor may not perform it. */
export class ActorNotAllowedError extends StateMachineError {
  readonly code: string;

  constructor(
    machine: Pick<StateMachine<string, string>, 'name' | 'codePrefix'>,
    state: string | undefined,
    trigger: string,
    actor: string,
    allowed: readonly string[],
  ) {
    super(`${machine.name}: '${trigger}' ${state === undefined ? '' : `from ${state} `}is for ${allowed.join(' / ')}, not ${actor}`, {
      machine: machine.name,
      state: state ?? null,
      trigger,
      actor,
      allowed: [...allowed],
    });
    this.code = `${machine.codePrefix}.transition.actor_not_allowed`;
  }
}

/** The row for (state, trigger), or undefined. */
export function findTransition<S extends string, T extends string, A extends string>(
  machine: StateMachine<S, T, A>,
  state: S,
  trigger: T,
): TransitionRow<S, T, A> | undefined {
  return machine.transitions.find((row) => row.trigger === trigger && row.from.includes(state));
}

/** Triggers defined from `state` (for "what can I do next" views). */
export function allowedTriggers<S extends string, T extends string, A extends string>(machine: StateMachine<S, T, A>, state: S): T[] {
  return machine.transitions.filter((row) => row.from.includes(state)).map((row) => row.trigger);
}

/**
 * Applies `trigger` from `state` by `actor`; returns the target state. Refuses an undefined
 * transition (TransitionNotAllowedError) or a wrong actor (ActorNotAllowedError). A `returnTo`
 * row needs `prior`: the state to go back to, which must be one the row lists.
 */
export function transition<S extends string, T extends string, A extends string>(
  machine: StateMachine<S, T, A>,
  state: S,
  trigger: T,
  actor: A,
  prior?: S,
): S {
  const row = findTransition(machine, state, trigger);
  if (!row) throw new TransitionNotAllowedError(machine, state, trigger);
  if (!row.actors.includes(actor)) throw new ActorNotAllowedError(machine, state, trigger, actor, row.actors);
  if (typeof row.to === 'string') return row.to;
  if (prior === undefined || !row.to.returnTo.includes(prior)) {
    throw new TransitionNotAllowedError(machine, state, `${trigger} (back to ${prior ?? 'unknown'})`);
  }
  return prior;
}

/** The initial state reached by a creation trigger, checked like `transition`. */
export function create<S extends string, T extends string, A extends string>(machine: StateMachine<S, T, A>, trigger: T, actor: A): S {
  const row = machine.creations.find((r) => r.trigger === trigger);
  if (!row) throw new TransitionNotAllowedError(machine, undefined, trigger);
  if (!row.actors.includes(actor)) throw new ActorNotAllowedError(machine, undefined, trigger, actor, row.actors);
  return row.to;
}

/**
 * Problems with the table itself: two rows for one (state, trigger), unknown states or triggers,
 * a terminal state with a way out. Empty for a well-formed machine (every machine is tested).
 */
export function tableProblems<S extends string, T extends string, A extends string>(machine: StateMachine<S, T, A>): string[] {
  const problems: string[] = [];
  const states = new Set<string>(machine.states);
  const triggers = new Set<string>(machine.triggers);
  const seen = new Set<string>();
  for (const row of machine.transitions) {
    if (!triggers.has(row.trigger)) problems.push(`unknown trigger ${row.trigger}`);
    const targets = typeof row.to === 'string' ? [row.to] : row.to.returnTo;
    for (const t of targets) if (!states.has(t)) problems.push(`unknown target ${t}`);
    if (row.actors.length === 0) problems.push(`${row.trigger}: no actor`);
    for (const from of row.from) {
      if (!states.has(from)) problems.push(`unknown state ${from}`);
      if (machine.terminal.includes(from)) problems.push(`terminal ${from} has '${row.trigger}'`);
      const key = `${from}|${row.trigger}`;
      if (seen.has(key)) problems.push(`two rows for ${from} + ${row.trigger}`);
      seen.add(key);
    }
  }
  for (const row of machine.creations) {
    if (!triggers.has(row.trigger)) problems.push(`unknown creation trigger ${row.trigger}`);
    if (!states.has(row.to)) problems.push(`unknown creation target ${row.to}`);
  }
  return problems;
}

/** The machine as a Mermaid `stateDiagram-v2` (one edge per row and source state; labels "trigger (actors)"). */
export function toMermaid<S extends string, T extends string, A extends string>(machine: StateMachine<S, T, A>): string {
  const lines = ['stateDiagram-v2'];
  for (const row of machine.creations) lines.push(`  [*] --> ${row.to} : ${row.trigger} (${row.actors.join(', ')})`);
  for (const row of machine.transitions) {
    const targets = typeof row.to === 'string' ? null : row.to.returnTo;
    for (const from of row.from) {
      const label = `${row.trigger} (${row.actors.join(', ')})`;
      if (targets === null) lines.push(`  ${from} --> ${row.to as S} : ${label}`);
      else for (const t of targets) lines.push(`  ${from} --> ${t} : ${label}, back to prior`);
    }
  }
  for (const s of machine.terminal) lines.push(`  ${s} --> [*]`);
  return lines.join('\n');
}

/** One Markdown section per machine (`### name` + a mermaid block), in the given order: docs/<service>/state-machines.md. */
export function machinesMarkdown(machines: Readonly<Record<string, StateMachine<string, string, string>>>): string {
  return Object.entries(machines)
    .map(([name, machine]) => `### ${name}\n\n\`\`\`mermaid\n${toMermaid(machine)}\n\`\`\`\n`)
    .join('\n');
}
