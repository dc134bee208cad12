import { DEFAULT_KEY_OPERATIONS } from '../credit-risk/key-operations';
import type { ReliefRule } from '../relief/relief-rule';
import { bundledReliefRuleBook, RELIEF_RULES_2023 } from '../relief/relief-rules-2023';
import { highRiskListChangeViolations, applyHighRiskListChange, highRiskListEntryId, listHitsOf, type HighRiskListEntry } from './high-risk-list';
import { keyOperationListViolations, publishKeyOperationList } from './key-operation-publication';
import { publishReliefRule, reliefRulePublicationViolations } from './relief-publication';
import { approvePublication, proposePublication, rejectPublication, type RulePublicationState } from './rule-publication';

const exempt = RELIEF_RULES_2023.find((r) => r.ruleId === 'SSVAT-EXEMPT') as ReliefRule;
const cadre = RELIEF_RULES_2023.find((r) => r.ruleId === 'CADRE-3Y') as ReliefRule;
const book = bundledReliefRuleBook();
const extension: ReliefRule = { ...exempt, version: 2, effectiveFrom: '2024-01-01', effectiveTo: '2027-12-31', sourceDoc: '财政部 税务总局公告2023年第19号' };
const fields = (rule: ReliefRule, b = book) => reliefRulePublicationViolations(b, rule).map((v) => v.field);
const at = new Date('2026-05-01T02:00:00Z');

describe('four eyes (四眼, §2 Admin [cfg])', () => {
  const draft = (): RulePublicationState =>
    proposePublication({ publicationId: 'p-1', content: { kind: 'RELIEF_RULE_VERSION', reliefRule: extension }, proposedBy: 'admin-a', at, note: 'extension to 2027' });

  it('a draft is PROPOSED and names what it publishes', () => {
    expect(draft()).toMatchObject({ status: 'PROPOSED', subject: 'SSVAT-EXEMPT@2', proposedBy: 'admin-a', note: 'extension to 2027' });
  });

  it('the proposer may not approve their own draft (403); a different admin may', () => {
    expect(() => approvePublication(draft(), 'admin-a', at)).toThrow(expect.objectContaining({ code: 'tax.publication.self_approval', details: expect.objectContaining({ rule: 'FOUR_EYES' }) }));
    expect(approvePublication(draft(), 'admin-b', at)).toMatchObject({ status: 'APPROVED', approval: { by: 'admin-b', at } });
  });

  it('a decision is final: an approved or rejected draft cannot be approved or rejected again (409)', () => {
    const approved = approvePublication(draft(), 'admin-b', at);
    const rejected = rejectPublication(draft(), 'admin-b', at, 'not announced yet');
    expect(rejected).toMatchObject({ status: 'REJECTED', rejection: { by: 'admin-b', reason: 'not announced yet' } });
    for (const decided of [approved, rejected]) {
      expect(() => approvePublication(decided, 'admin-c', at)).toThrow(expect.objectContaining({ code: 'tax.publication.not_pending' }));
      expect(() => rejectPublication(decided, 'admin-c', at, 'again')).toThrow(expect.objectContaining({ code: 'tax.publication.not_pending' }));
    }
  });

  it('a rejection needs a reason; the proposer may withdraw their own draft', () => {
    expect(() => rejectPublication(draft(), 'admin-b', at, '  ')).toThrow(expect.objectContaining({ code: 'tax.publication.invalid', details: { violations: [{ field: 'reason', reason: 'is required to reject' }] } }));
    expect(rejectPublication(draft(), 'admin-a', at, 'withdrawn').status).toBe('REJECTED');
  });
});

describe('relief-rule versions (E2)', () => {
  it('a new version starting the day after the live one ends is accepted and in force for its periods only', () => {
    expect(reliefRulePublicationViolations(book, extension)).toEqual([]);
    const next = publishReliefRule(book, extension);
    expect(next.inForce('SSVAT-EXEMPT', { start: '2024-01-01', end: '2024-03-31' }, 'CN-44-19')?.version).toBe(2);
    expect(next.inForce('SSVAT-EXEMPT', { start: '2023-10-01', end: '2023-12-31' }, 'CN-44-19')?.version).toBe(1);
    expect(next.inForce('SSVAT-EXEMPT', { start: '2028-01-01', end: '2028-03-31' }, 'CN-44-19')).toBeUndefined();
  });

  it('an overlap with a live version in one scope is refused naming the field that falls inside it', () => {
    const published = publishReliefRule(book, extension);
    const startsInside = { ...exempt, version: 3, effectiveFrom: '2027-12-01', effectiveTo: '2028-12-31' };
    expect(reliefRulePublicationViolations(published, startsInside)).toEqual([
      { field: 'effectiveFrom', reason: expect.stringContaining('overlaps the live version SSVAT-EXEMPT@2 (2024-01-01..2027-12-31, CN-44)') },
    ]);
    expect(fields({ ...exempt, version: 3, effectiveFrom: '2022-01-01', effectiveTo: '2024-01-31' }, published)).toEqual(['effectiveFrom', 'effectiveTo', 'effectiveTo']); // contains @1, ends inside @2
    expect(fields({ ...exempt, version: 3, effectiveFrom: '2022-01-01', effectiveTo: '2022-12-31' }, published)).toEqual([]);
    expect(fields({ ...exempt, version: 3, effectiveFrom: '2028-01-01', effectiveTo: '2028-12-31' }, published)).toEqual([]);
    // containing the other version names both ends; a national scope clashes with the provincial one
    expect(fields({ ...exempt, version: 2, effectiveFrom: '2022-01-01', effectiveTo: '2024-12-31', scope: { jurisdiction: 'CN', subjects: ['SMALL_SCALE_VAT_PAYER'] } })).toEqual(['effectiveFrom', 'effectiveTo']);
    // another province is another scope
    expect(fields({ ...exempt, version: 2, scope: { jurisdiction: 'CN-45', subjects: ['INDIVIDUAL_BUSINESS'] } })).toEqual([]);
    expect(() => publishReliefRule(published, startsInside)).toThrow(expect.objectContaining({ code: 'tax.publication.invalid' }));
  });

  it('versions are immutable and numbered in sequence', () => {
    expect(reliefRulePublicationViolations(book, { ...exempt })).toEqual([{ field: 'version', reason: expect.stringContaining('already published and versions are immutable; publish version 2') }]);
    expect(reliefRulePublicationViolations(book, { ...extension, version: 5 })).toEqual([{ field: 'version', reason: 'must be 2, the next version of SSVAT-EXEMPT' }]);
    expect(fields({ ...exempt, ruleId: 'NEW-RELIEF', version: 1 })).toEqual([]);
  });

  it('a correction supersedes a live version; the chain goes on from the newest and never back to a superseded one', () => {
    const corrected = publishReliefRule(book, { ...exempt, version: 2, params: { monthlyLimit: '100000.00', quarterlyLimit: '300000.00' }, effectiveTo: '2027-12-31', supersedes: 'SSVAT-EXEMPT@1' });
    expect(corrected.live().filter((r) => r.ruleId === 'SSVAT-EXEMPT').map((r) => r.version)).toEqual([2]);
    expect(corrected.inForce('SSVAT-EXEMPT', { start: '2023-01-01', end: '2023-03-31' }, 'CN-44')?.version).toBe(2);
    const again = publishReliefRule(corrected, { ...exempt, version: 3, effectiveTo: '2026-12-31', supersedes: 'SSVAT-EXEMPT@2' });
    expect(again.live().filter((r) => r.ruleId === 'SSVAT-EXEMPT').map((r) => r.version)).toEqual([3]);
    expect(again.get('SSVAT-EXEMPT@1')).toEqual(exempt); // history stays readable
    expect(reliefRulePublicationViolations(again, { ...exempt, version: 4, supersedes: 'SSVAT-EXEMPT@1' })).toEqual([
      { field: 'supersedes', reason: 'SSVAT-EXEMPT@1 is already superseded' },
      { field: 'effectiveFrom', reason: expect.stringContaining('overlaps the live version SSVAT-EXEMPT@3') },
    ]);
    expect(fields({ ...exempt, version: 2, supersedes: 'SSVAT-1PCT@1' })).toEqual(['supersedes']);
  });

  it("an open-ended 'national' version is closed by a new version that supersedes it", () => {
    expect(cadre).toMatchObject({ effectiveTo: null, openEnded: 'national' });
    const closing: ReliefRule = { ...cadre, version: 2, effectiveTo: '2027-12-31', openEnded: undefined, supersedes: 'CADRE-3Y@1' };
    delete (closing as { openEnded?: string }).openEnded;
    const closed = publishReliefRule(book, closing);
    expect(closed.inForce('CADRE-3Y', { start: '2027-12-01', end: '2027-12-31' }, 'CN-44')?.version).toBe(2);
    expect(closed.inForce('CADRE-3Y', { start: '2028-01-01', end: '2028-01-31' }, 'CN-44')).toBeUndefined();
    // without superseding it overlaps the open end; an end without openEnded, or openEnded with an end, is refused
    expect(fields({ ...closing, supersedes: undefined } as ReliefRule)).toEqual(['effectiveFrom']);
    expect(fields({ ...cadre, version: 2, supersedes: 'CADRE-3Y@1', effectiveTo: '2027-12-31' })).toEqual(['effectiveTo', 'openEnded']);
  });

  it('the version on its own is checked field by field', () => {
    const bad = { ...extension, effectiveFrom: '2024-01-15', effectiveTo: '2027-12-30', scope: { jurisdiction: 'guangdong', subjects: [] }, params: { monthlyLimit: 'lots' }, sourceLine: '' } as unknown as ReliefRule;
    expect(fields(bad)).toEqual(['scope.jurisdiction', 'scope.subjects', 'effectiveFrom', 'effectiveTo', 'sourceLine', 'params.monthlyLimit', 'params.quarterlyLimit']);
  });
});

describe('key-operation list versions (R8.3)', () => {
  const v2027 = { version: '2027.1', effectiveFrom: '2027-01-01', operations: [...DEFAULT_KEY_OPERATIONS.operations, { operation: 'EXPORT_REFUND', category: 'refund' as const }] };

  it('a new label, in force after the latest, with distinct known operations', () => {
    expect(keyOperationListViolations(v2027, [DEFAULT_KEY_OPERATIONS])).toEqual([]);
    expect(Object.isFrozen(publishKeyOperationList(v2027, [DEFAULT_KEY_OPERATIONS]).operations)).toBe(true);
    const bad = { version: '2026.1', effectiveFrom: '2026-01-01', operations: [{ operation: 'REFUND_CLAIM', category: 'refund' as const }, { operation: 'REFUND_CLAIM', category: 'money' as never }] };
    expect(keyOperationListViolations(bad, [DEFAULT_KEY_OPERATIONS]).map((v) => v.field)).toEqual(['version', 'effectiveFrom', 'operations[1].operation', 'operations[1].category']);
    expect(keyOperationListViolations({ ...v2027, operations: [] }, []).map((v) => v.field)).toEqual(['operations']);
  });
});

describe('high-risk list changes (R8.5)', () => {
  const hit = { taxpayerId: '91440104MA00003D7Y', list: 'REFUND_FRAUD' as const, origin: '国家税务总局湖南省税务局', date: '2026-04-30' };
  const none = new Map<string, HighRiskListEntry>();

  it('an approved ADD makes an active entry, a list hit; a REMOVE ends it', () => {
    const [added] = applyHighRiskListChange({ action: 'ADD', entries: [hit] }, none, 'p-1', at, '2026-05-01');
    expect(added).toMatchObject({ id: highRiskListEntryId('REFUND_FRAUD', hit.taxpayerId), active: true, addedBy: 'p-1' });
    expect(listHitsOf([added])).toEqual([{ list: 'REFUND_FRAUD', origin: hit.origin, date: hit.date }]);
    const current = new Map([[added.id, added]]);
    expect(highRiskListChangeViolations({ action: 'ADD', entries: [hit] }, current, '2026-05-01')).toEqual([{ field: 'entries[0]', reason: expect.stringContaining('already on the REFUND_FRAUD list') }]);
    const [removed] = applyHighRiskListChange({ action: 'REMOVE', entries: [{ ...hit, date: '2026-05-01' }] }, current, 'p-2', at, '2026-05-01');
    expect(removed).toMatchObject({ active: false, removedBy: 'p-2', removal: { date: '2026-05-01' } });
    expect(listHitsOf([removed])).toEqual([]);
  });

  it('names each bad entry field; removing what is not listed is refused', () => {
    const change = { action: 'ADD' as const, entries: [{ ...hit, date: '2026-05-02' }, { ...hit, taxpayerId: 'x', list: 'GOSSIP' as never, origin: '' }, { ...hit, date: '2026-05-02' }] };
    expect(highRiskListChangeViolations(change, none, '2026-05-01').map((v) => v.field)).toEqual(['entries[0].date', 'entries[1].taxpayerId', 'entries[1].list', 'entries[1].origin', 'entries[2].date', 'entries[2]']);
    expect(highRiskListChangeViolations({ action: 'REMOVE', entries: [hit] }, none, '2026-05-01')).toEqual([{ field: 'entries[0]', reason: `${hit.taxpayerId} is not on the REFUND_FRAUD list` }]);
  });
});
