import { planSteps, Step } from './batch-plan';

/** Messages are numbers; negative ones need the per-message path. */
const plan = (messages: number[], chunkSize: number) => planSteps(messages, (m) => (m >= 0 ? m : undefined), chunkSize);
const show = (steps: Step<number, number>[]) => steps.map((s) => (s.kind === 'chunk' ? s.items : s.message));

describe('planSteps: how a partition batch is split into transactions', () => {
  it('puts consecutive plain messages in chunks of at most chunkSize, in order', () => {
    expect(show(plan([0, 1, 2, 3, 4], 2))).toEqual([[0, 1], [2, 3], [4]]);
    expect(show(plan([0, 1, 2], 100))).toEqual([[0, 1, 2]]);
    expect(show(plan([0, 1, 2], 1))).toEqual([[0], [1], [2]]);
  });

  it('handles a message that needs special treatment on its own, in its place', () => {
    expect(show(plan([0, 1, -2, 3, -4, -5, 6], 100))).toEqual([[0, 1], -2, [3], -4, -5, [6]]);
    expect(show(plan([-1], 100))).toEqual([-1]);
    expect(show(plan([], 100))).toEqual([]);
  });

  it('keeps every message exactly once and in the original order', () => {
    const messages = Array.from({ length: 257 }, (_, i) => (i % 13 === 0 ? -i - 1 : i));
    const flat = plan(messages, 10).flatMap((s) => (s.kind === 'chunk' ? s.items : [s.message]));
    expect(flat).toEqual(messages);
    expect(plan(messages, 10).every((s) => s.kind === 'single' || s.items.length <= 10)).toBe(true);
  });

  it('refuses a chunk size below 1', () => {
    expect(() => plan([1], 0)).toThrow(/chunkSize/);
  });
});
