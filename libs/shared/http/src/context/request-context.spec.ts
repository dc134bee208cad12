import { getRequestContext, runWithRequestContext } from './request-context';
import { isSafeRequestId } from './request-id.middleware';

describe('request context', () => {
  it('is visible across awaits and timers inside the run, and absent outside', async () => {
    const seen = await runWithRequestContext({ requestId: 'abc' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return getRequestContext()?.requestId;
    });
    expect(seen).toBe('abc');
    expect(getRequestContext()).toBeUndefined();
  });

  it('keeps concurrent requests apart', async () => {
    const run = (id: string, delay: number) =>
      runWithRequestContext({ requestId: id }, async () => {
        await new Promise((resolve) => setTimeout(resolve, delay));
        return getRequestContext()?.requestId;
      });
    expect(await Promise.all([run('a', 5), run('b', 1)])).toEqual(['a', 'b']);
  });
});

describe('isSafeRequestId', () => {
  it.each(['abc', 'A.b_c-1', 'x'.repeat(128), '7f0c2a2e-9a0b-4c55-8e0a-3f1d2a9b6c11'])('accepts %s', (id) => {
    expect(isSafeRequestId(id)).toBe(true);
  });
  it.each(['', 'x'.repeat(129), 'a b', 'a\nb', 'id"', '中文', undefined])('rejects %p', (id) => {
    expect(isSafeRequestId(id)).toBe(false);
  });
});
