import { DEFAULT_NAME_RULES } from './name-rules';
import { InvalidNameRulesError, nameRulesViolations, validNameRules } from './name-rules-validation';

describe('name rules validation (versioned reference data an admin publishes)', () => {
  it('accepts the default rule set', () => {
    expect(nameRulesViolations(DEFAULT_NAME_RULES)).toEqual([]);
    expect(validNameRules(DEFAULT_NAME_RULES)).toBe(DEFAULT_NAME_RULES);
  });

  it('names every bad field of a broken rule set at once', () => {
    const { LLC: _dropped, ...forms } = DEFAULT_NAME_RULES.organisationForms;
    const broken = {
      ...DEFAULT_NAME_RULES,
      version: 'bad version!',
      divisions: [{ code: '4401', names: ['广州'] }],
      industryWords: [{ word: '科技', industryCode: 'I' }, { word: '科技', industryCode: 'Z' }],
      organisationForms: { ...forms, PARTNERSHIP_X: ['合伙'] },
      prohibitedWords: [{ word: '', reason: 'X' }],
      editDistanceMinLength: 1,
    };
    expect(nameRulesViolations(broken)).toEqual([
      { field: 'version', reason: expect.any(String) },
      { field: 'divisions[0].code', reason: 'must be a 6-digit division code' },
      { field: 'industryWords[1].industryCode', reason: 'must be a GB/T 4754 section letter A-T' },
      { field: 'industryWords[1]', reason: 'duplicates "科技"' },
      { field: 'organisationForms.LLC', reason: 'must list at least one form' },
      { field: 'organisationForms.PARTNERSHIP_X', reason: 'is not an entity type' },
      { field: 'prohibitedWords[0].word', reason: 'must be a non-empty string' },
      { field: 'editDistanceMinLength', reason: 'must be an integer from 2 to 20' },
    ]);
    expect(() => validNameRules(broken)).toThrow(InvalidNameRulesError);
    expect(nameRulesViolations(null).map((v) => v.field)).toEqual(
      expect.arrayContaining(['version', 'divisions', 'industryWords', 'organisationForms', 'prohibitedWords', 'editDistanceMinLength']),
    );
  });

  it('edit-distance minimum: 2 and 20 accepted, 1 and 21 refused', () => {
    for (const [n, ok] of [[1, false], [2, true], [20, true], [21, false]] as const) {
      expect(nameRulesViolations({ ...DEFAULT_NAME_RULES, editDistanceMinLength: n }).length === 0).toBe(ok);
    }
  });
});
