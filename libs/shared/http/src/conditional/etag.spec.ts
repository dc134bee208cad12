import { etagOf, parseEntityTags } from './etag';

describe('etagOf', () => {
  it('builds strong tags by default and weak on request', () => {
    expect(etagOf(7)).toBe('"7"');
    expect(etagOf('2025-03-01T08:00:00Z')).toBe('"2025-03-01T08:00:00Z"');
    expect(etagOf(7, { weak: true })).toBe('W/"7"');
  });

  it.each([['has"quote'], ['has space'], [''], [Number.NaN]])('refuses %p', (version) => {
    expect(() => etagOf(version)).toThrow(TypeError);
  });
});

describe('parseEntityTags', () => {
  it('parses *, single and listed tags', () => {
    expect(parseEntityTags(' * ')).toBe('*');
    expect(parseEntityTags('"7"')).toEqual([{ weak: false, opaque: '7' }]);
    expect(parseEntityTags('W/"6", "7"')).toEqual([
      { weak: true, opaque: '6' },
      { weak: false, opaque: '7' },
    ]);
  });

  it.each([['7'], ['"7" "8"'], ['"7'], ['W/7']])('returns undefined for malformed %p', (header) => {
    expect(parseEntityTags(header)).toBeUndefined();
  });
});
