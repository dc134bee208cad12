import { describeMachineExhaustively, catchError } from './testing';
import {
  ActorNotAllowedError,
  allowedTriggers,
  machinesMarkdown,
  tableProblems,
  transition,
  TransitionNotAllowedError,
  type StateMachine,
} from './state-machine';

type Door = 'OPEN' | 'CLOSED' | 'HELD' | 'GONE';
type Push = 'open' | 'close' | 'hold' | 'release' | 'remove';
type Who = 'user' | 'janitor';

const DOOR: StateMachine<Door, Push, Who> = {
  name: 'door',
  codePrefix: 'test',
  states: ['OPEN', 'CLOSED', 'HELD', 'GONE'],
  triggers: ['open', 'close', 'hold', 'release', 'remove'],
  creations: [{ trigger: 'open', to: 'OPEN', actors: ['janitor'] }],
  transitions: [
    { from: ['CLOSED'], trigger: 'open', to: 'OPEN', actors: ['user', 'janitor'] },
    { from: ['OPEN'], trigger: 'close', to: 'CLOSED', actors: ['user', 'janitor'] },
    { from: ['OPEN', 'CLOSED'], trigger: 'hold', to: 'HELD', actors: ['janitor'] },
    { from: ['HELD'], trigger: 'release', to: { returnTo: ['OPEN', 'CLOSED'] }, actors: ['janitor'] },
    { from: ['OPEN', 'CLOSED', 'HELD'], trigger: 'remove', to: 'GONE', actors: ['janitor'] },
  ],
  terminal: ['GONE'],
};

describeMachineExhaustively(DOOR, ['user', 'janitor']);

describe('state machine engine', () => {
  it('refusals carry the machine name, the state and a code under the machine prefix', () => {
    const notAllowed = catchError(() => transition(DOOR, 'GONE', 'open', 'user')) as TransitionNotAllowedError;
    expect(notAllowed).toBeInstanceOf(TransitionNotAllowedError);
    expect(notAllowed.code).toBe('test.transition.not_allowed');
    expect(notAllowed.details).toEqual({ machine: 'door', state: 'GONE', trigger: 'open' });

    const wrongActor = catchError(() => transition(DOOR, 'OPEN', 'hold', 'user')) as ActorNotAllowedError;
    expect(wrongActor.code).toBe('test.transition.actor_not_allowed');
    expect(wrongActor.details).toMatchObject({ actor: 'user', allowed: ['janitor'] });
  });

  it('a returnTo row goes back only to a listed prior state', () => {
    expect(transition(DOOR, 'HELD', 'release', 'janitor', 'CLOSED')).toBe('CLOSED');
    expect(() => transition(DOOR, 'HELD', 'release', 'janitor', 'HELD')).toThrow(TransitionNotAllowedError);
  });

  it('lists the triggers allowed from a state', () => {
    expect(allowedTriggers(DOOR, 'OPEN')).toEqual(['close', 'hold', 'remove']);
    expect(allowedTriggers(DOOR, 'GONE')).toEqual([]);
  });

  it('finds the problems of a malformed table', () => {
    const broken = {
      ...DOOR,
      transitions: [
        ...DOOR.transitions,
        { from: ['OPEN'], trigger: 'close', to: 'HELD', actors: ['user'] },
        { from: ['GONE'], trigger: 'open', to: 'OPEN', actors: [] },
      ],
    } as StateMachine<Door, Push, Who>;
    expect(tableProblems(broken)).toEqual([
      'two rows for OPEN + close',
      'open: no actor',
      "terminal GONE has 'open'",
    ]);
  });

  it('renders one markdown section per machine', () => {
    const md = machinesMarkdown({ door: DOOR });
    expect(md).toContain('### door\n\n```mermaid\nstateDiagram-v2\n');
    expect(md).toContain('  HELD --> CLOSED : release (janitor), back to prior');
  });
});
