/**
 * Test helper (`@one-window/shared/state-machine/testing`, for spec files only): the exhaustive
 * check every machine gets. For every state × every trigger × every actor: an allowed
 * (row, actor) reaches the table's target; a defined trigger with another actor is refused with
 * ActorNotAllowedError; any other pair is refused with TransitionNotAllowedError. Creations are
 * checked the same way.
 */
import {
  ActorNotAllowedError,
  create,
  findTransition,
  StateMachineError,
  tableProblems,
  toMermaid,
  transition,
  TransitionNotAllowedError,
  type StateMachine,
} from './state-machine';

export function describeMachineExhaustively<S extends string, T extends string, A extends string>(
  machine: StateMachine<S, T, A>,
  actors: readonly A[],
): void {
  describe(`${machine.name} transition table`, () => {
    it('is well formed (deterministic, known states and triggers, terminals have no way out)', () => {
      expect(tableProblems(machine)).toEqual([]);
    });

    it('every state × trigger × actor: allowed rows reach their target, everything else is refused', () => {
      let allowed = 0;
      let refused = 0;
      for (const state of machine.states) {
        for (const trigger of machine.triggers) {
          const row = findTransition(machine, state, trigger);
          for (const actor of actors) {
            if (row && row.actors.includes(actor)) {
              const targets = typeof row.to === 'string' ? [undefined] : row.to.returnTo;
              for (const prior of targets) {
                const expected = prior ?? (row.to as S);
                expect(transition(machine, state, trigger, actor, prior)).toBe(expected);
                allowed++;
              }
              if (typeof row.to !== 'string') {
                expect(() => transition(machine, state, trigger, actor)).toThrow(TransitionNotAllowedError);
              }
            } else {
              const error = catchError(() => transition(machine, state, trigger, actor));
              expect(error).toBeInstanceOf(row ? ActorNotAllowedError : TransitionNotAllowedError);
              expect(error).toBeInstanceOf(StateMachineError);
              expect((error as StateMachineError).code.startsWith(`${machine.codePrefix}.transition.`)).toBe(true);
              refused++;
            }
          }
        }
      }
      expect(allowed).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    });

    it('creations: only the creation triggers create, only by their actors', () => {
      for (const trigger of machine.triggers) {
        const row = machine.creations.find((r) => r.trigger === trigger);
        for (const actor of actors) {
          if (row && row.actors.includes(actor)) expect(create(machine, trigger, actor)).toBe(row.to);
          else expect(() => create(machine, trigger, actor)).toThrow(row ? ActorNotAllowedError : TransitionNotAllowedError);
        }
      }
    });

    it('renders as a Mermaid stateDiagram-v2 with one edge per row and source', () => {
      const diagram = toMermaid(machine);
      expect(diagram.startsWith('stateDiagram-v2\n')).toBe(true);
      const edges = machine.transitions.reduce(
        (n, r) => n + r.from.length * (typeof r.to === 'string' ? 1 : r.to.returnTo.length),
        machine.creations.length + machine.terminal.length,
      );
      expect(diagram.split('\n').filter((l) => l.includes('-->'))).toHaveLength(edges);
    });
  });
}

export function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

/** An instant given as Asia/Shanghai wall-clock time, for readable tests: at('2026-09-30T10:00'). */
export function at(localDateTime: string): Date {
  const date = new Date(`${localDateTime}+08:00`);
  if (Number.isNaN(date.getTime())) throw new Error(`bad test instant ${localDateTime}`);
  return date;
}
