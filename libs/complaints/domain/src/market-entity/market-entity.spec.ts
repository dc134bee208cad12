import fc from 'fast-check';
import { MAX_MARKET_ENTITY_TAGS, marketEntityTags, NOT_IN_REGISTER_TAG, type MarketEntityFacts } from './market-entity';

const active: MarketEntityFacts = { uscc: '91440104MA00001B3B', name: '广州市示例科技有限公司', entityType: 'LLC', status: 'ACTIVE', abnormalListed: false };

describe('market-entity tags of a ticket (spec §5 enterprise requests)', () => {
  it("the register's facts first, then the agent's tags, each once", () => {
    expect(marketEntityTags({ uscc: active.uscc, entity: active, given: ['KEY_ENTERPRISE'] })).toEqual(['ENTITY_TYPE:LLC', 'KEY_ENTERPRISE']);
    expect(marketEntityTags({ uscc: active.uscc, entity: { ...active, status: 'REVOKED', abnormalListed: true }, given: ['ABNORMAL_LISTED'] })).toEqual([
      'ENTITY_TYPE:LLC',
      'ENTITY_STATUS:REVOKED',
      'ABNORMAL_LISTED',
    ]);
  });

  it('a credit code the register does not know is tagged NOT_IN_REGISTER; no credit code, the agent’s tags alone', () => {
    expect(marketEntityTags({ uscc: '91440104MA0000000X', given: ['FOREIGN_INVESTED'] })).toEqual([NOT_IN_REGISTER_TAG, 'FOREIGN_INVESTED']);
    expect(marketEntityTags({ given: ['FOREIGN_INVESTED'] })).toEqual(['FOREIGN_INVESTED']);
    expect(marketEntityTags({})).toEqual([]);
  });

  it('property: unique, at most 20, the derived tags always kept, every agent tag kept while there is room', () => {
    const tag = fc.stringMatching(/^[A-Z_]{1,12}$/);
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 25 }), fc.boolean(), fc.constantFrom('ACTIVE', 'REVOKED', 'DORMANT'), (given, listed, status) => {
        const tags = marketEntityTags({ uscc: active.uscc, entity: { ...active, status, abnormalListed: listed }, given });
        const derived = ['ENTITY_TYPE:LLC', ...(status !== 'ACTIVE' ? [`ENTITY_STATUS:${status}`] : []), ...(listed ? ['ABNORMAL_LISTED'] : [])];
        expect(new Set(tags).size).toBe(tags.length);
        expect(tags.length).toBeLessThanOrEqual(MAX_MARKET_ENTITY_TAGS);
        expect(tags.slice(0, derived.length)).toEqual(derived);
        const unique = [...new Set(given)].filter((g) => !derived.includes(g));
        expect(tags.slice(derived.length)).toEqual(unique.slice(0, MAX_MARKET_ENTITY_TAGS - derived.length));
      }),
    );
  });
});
