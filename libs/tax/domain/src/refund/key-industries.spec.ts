import fc from 'fast-check';
import { KEY_INDUSTRIES, keyIndustryOf, parseIndustryCode, sectionOfDivision } from './key-industries';

describe('13 key industries of 留抵退税 (002 L365), GB/T 4754-2017', () => {
  it('has 13 industries with distinct ids and no overlapping sections or divisions', () => {
    expect(KEY_INDUSTRIES).toHaveLength(13);
    expect(new Set(KEY_INDUSTRIES.map((k) => k.id)).size).toBe(13);
    const sections = KEY_INDUSTRIES.flatMap((k) => k.sections);
    expect(new Set(sections).size).toBe(sections.length);
    for (const division of KEY_INDUSTRIES.flatMap((k) => k.divisions)) expect(sections).not.toContain(sectionOfDivision(division));
  });

  it.each([
    ['C3511', 'MANUFACTURING'],
    ['3511', 'MANUFACTURING'],
    ['C', 'MANUFACTURING'],
    ['I6513', 'SOFTWARE_IT'],
    ['65', 'SOFTWARE_IT'],
    ['N7721', 'ECOLOGY_ENVIRONMENT'],
    ['M7320', 'SCIENTIFIC_RESEARCH'],
    ['D4411', 'UTILITIES'],
    ['G5810', 'TRANSPORT_STORAGE_POST'],
    ['F5211', 'WHOLESALE_RETAIL'],
    ['A0111', 'AGRICULTURE'],
    ['H6110', 'ACCOMMODATION_CATERING'],
    ['O8010', 'RESIDENT_SERVICES'],
    ['P8310', 'EDUCATION'],
    ['Q8411', 'HEALTH_SOCIAL_WORK'],
    ['R8610', 'CULTURE_SPORTS_ENTERTAINMENT'],
    ['r8610', 'CULTURE_SPORTS_ENTERTAINMENT'],
  ])('%s → %s', (code, id) => {
    expect(keyIndustryOf(code)?.id).toBe(id);
  });

  it.each(['I6311', 'I6410', 'I', 'N7610', 'N', 'K7010', 'J6610', 'B0610', 'E4710', 'L7210', 'S9110'])('%s is not a key industry', (code) => {
    expect(keyIndustryOf(code)).toBeUndefined();
  });

  it.each(['', 'Z12', 'C65', '00', '98', 'C351A', 'C35111'])('%s is not a valid code', (code) => {
    expect(parseIndustryCode(code)).toBeUndefined();
  });

  it('every division 01–97 maps to exactly one section, consistent with a letter-prefixed code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 97 }), (n) => {
        const division = String(n).padStart(2, '0');
        const section = sectionOfDivision(division) as string;
        expect(section).toMatch(/^[A-T]$/);
        expect(parseIndustryCode(`${section}${division}`)).toEqual({ section, division });
        expect(keyIndustryOf(`${section}${division}`)).toEqual(keyIndustryOf(division));
      }),
    );
  });
});
