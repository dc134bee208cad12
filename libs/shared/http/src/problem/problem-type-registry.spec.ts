import { PROBLEM_BASE_URI, problemTypeUri } from './problem-details';
import { ProblemTypeRegistry } from './problem-type-registry';

describe('ProblemTypeRegistry', () => {
  it('expands slugs to One Window type URIs and keeps absolute URIs', () => {
    const registry = new ProblemTypeRegistry({
      DEADLINE_PASSED: { status: 422, title: 'Deadline passed', type: 'deadline-passed' },
    }).register('AGENCY_DOWN', { status: 503, title: 'Agency unavailable', type: 'https://example.org/agency-down' });

    expect(registry.resolve('DEADLINE_PASSED')).toEqual({ status: 422, title: 'Deadline passed', type: `${PROBLEM_BASE_URI}deadline-passed` });
    expect(registry.resolve('AGENCY_DOWN')?.type).toBe('https://example.org/agency-down');
    expect(registry.resolve('UNKNOWN')).toBeUndefined();
  });

  it('rejects a non-error status', () => {
    expect(() => new ProblemTypeRegistry().register('X', { status: 200, title: 'x', type: 'x' })).toThrow(RangeError);
  });

  it('rejects mapping one code twice differently but allows the same mapping again', () => {
    const registry = new ProblemTypeRegistry().register('X', { status: 409, title: 'X', type: 'x' });
    expect(() => registry.register('X', { status: 409, title: 'X', type: 'x' })).not.toThrow();
    expect(() => registry.register('X', { status: 422, title: 'X', type: 'x' })).toThrow('already mapped');
  });

  it('rejects a type that is neither a slug nor a URI', () => {
    expect(() => problemTypeUri('Not A Slug')).toThrow(TypeError);
    expect(problemTypeUri('about:blank')).toBe('about:blank');
  });
});
