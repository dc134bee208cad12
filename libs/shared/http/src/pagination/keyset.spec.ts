import { keysetCondition } from './keyset';

describe('keysetCondition', () => {
  it('builds an ascending row-value comparison', () => {
    expect(keysetCondition({ columns: ['created_at', 'id'], values: ['2025-01-01', 'a'] })).toEqual({
      sql: '(created_at, id) > ($1, $2)',
      params: ['2025-01-01', 'a'],
    });
  });

  it('uses < when descending and continues placeholder numbering', () => {
    expect(keysetCondition({ columns: ['a.submitted_at', 'a.id'], values: [1, 2], direction: 'desc', firstParam: 3 }).sql).toBe(
      '(a.submitted_at, a.id) < ($3, $4)',
    );
  });

  it('refuses column names that are not plain identifiers, and mismatched lengths', () => {
    expect(() => keysetCondition({ columns: ['id; DROP TABLE x'], values: [1] })).toThrow(TypeError);
    expect(() => keysetCondition({ columns: ['a', 'b'], values: [1] })).toThrow(RangeError);
  });
});
