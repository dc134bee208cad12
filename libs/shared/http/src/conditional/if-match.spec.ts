import { ProblemException } from '../problem/problem.exception';
import { PROBLEM_BASE_URI } from '../problem/problem-details';
import { assertIfMatch } from './if-match';

function thrown(fn: () => void): ProblemException {
  try {
    fn();
  } catch (err) {
    if (err instanceof ProblemException) {
      return err;
    }
    throw err;
  }
  throw new Error('expected a ProblemException');
}

describe('assertIfMatch', () => {
  it('passes on the current strong ETag, on a list containing it, and on *', () => {
    expect(() => assertIfMatch({ headers: { 'if-match': '"4"' } }, 4)).not.toThrow();
    expect(() => assertIfMatch({ headers: { 'if-match': '"3", "4"' } }, 4)).not.toThrow();
    expect(() => assertIfMatch({ headers: { 'if-match': '*' } }, 4)).not.toThrow();
  });

  it('throws 412 precondition-failed with the current ETag on a stale value', () => {
    const err = thrown(() => assertIfMatch({ headers: { 'if-match': '"3"' } }, 4));
    expect(err.getStatus()).toBe(412);
    expect(err.problem.type).toBe(`${PROBLEM_BASE_URI}precondition-failed`);
    expect(err.headers).toEqual({ ETag: '"4"' });
  });

  it('does not accept a weak tag (strong comparison)', () => {
    expect(thrown(() => assertIfMatch({ headers: { 'if-match': 'W/"4"' } }, 4)).getStatus()).toBe(412);
  });

  it('explains an unquoted value', () => {
    expect(thrown(() => assertIfMatch({ headers: { 'if-match': '4' } }, 4)).problem.detail).toContain('quoted entity-tags');
  });

  it('throws 428 precondition-required when missing, unless not required', () => {
    const err = thrown(() => assertIfMatch({ headers: {} }, 4));
    expect(err.getStatus()).toBe(428);
    expect(err.problem.type).toBe(`${PROBLEM_BASE_URI}precondition-required`);
    expect(() => assertIfMatch({ headers: {} }, 4, { required: false })).not.toThrow();
  });
});
