import { ProblemException } from '../problem/problem.exception';
import { decodeCursor, encodeCursor } from './cursor';

type Position = { createdAt: string; id: string };
const isPosition = (v: unknown): v is Position =>
  typeof v === 'object' && v !== null && typeof (v as Position).createdAt === 'string' && typeof (v as Position).id === 'string';

describe('cursor', () => {
  it('round-trips a position through an opaque base64url token', () => {
    const position = { createdAt: '2025-03-01T08:00:00.000Z', id: '9b1c…', name: '张三' };
    const token = encodeCursor(position);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(token)).toEqual(position);
  });

  it.each([
    ['not base64url', 'abc$%'],
    ['not JSON', Buffer.from('{oops').toString('base64url')],
    ['the wrong shape', encodeCursor({ id: 1 })],
  ])('rejects a token that is %s with a 400 naming pageToken', (_, token) => {
    let error: unknown;
    try {
      decodeCursor(token, isPosition);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ProblemException);
    expect((error as ProblemException).getStatus()).toBe(400);
    expect((error as ProblemException).problem.violations).toEqual([
      { field: 'pageToken', reason: 'is not a page token this API issued; start again without pageToken' },
    ]);
  });
});
