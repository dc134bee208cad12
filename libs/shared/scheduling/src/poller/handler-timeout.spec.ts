import type { Timer } from '../timer';
import { HandlerTimeoutError, withinTime } from './handler-timeout';

describe('a handler within its time', () => {
  const timer = { id: 't-1', kind: 'demo.ticket.overdue', key: 'ticket-1' } as Timer;

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('resolves or rejects as the handler does when it settles in time', async () => {
    await expect(withinTime(Promise.resolve(), timer, 100)).resolves.toBeUndefined();
    await expect(withinTime(Promise.reject(new Error('refused')), timer, 100)).rejects.toThrow('refused');
    expect(jest.getTimerCount()).toBe(0); // its clock is cleared
  });

  it('rejects with HandlerTimeoutError, naming the timer, once the time is up', async () => {
    const outcome = withinTime(new Promise(() => undefined), timer, 100);
    const caught = outcome.catch((e: unknown) => e);
    jest.advanceTimersByTime(99);
    await Promise.resolve();
    jest.advanceTimersByTime(1);
    const e = await caught;
    expect(e).toBeInstanceOf(HandlerTimeoutError);
    expect(e).toMatchObject({ timer, afterMs: 100, message: 'handler for timer demo.ticket.overdue/ticket-1 still running after 100 ms' });
  });
});
