import fc from 'fast-check';
import { LocalDate } from '@one-window/shared/calendar';
import { AUTO_APPROVAL_CHECKS, DEFAULT_AUTO_APPROVAL_RULES, evaluateAutoApproval, type AutoApprovalFacts } from './auto-approval';
import { FORM, formWith, PERSON_A, PERSON_B, REFERENCE } from './test-fixtures';
import { capitalDueDateLimit, validateEstablishmentForm } from './validate-form';

const TODAY = '2026-03-02';
const validate = (form = FORM, today = TODAY) => validateEstablishmentForm(form, REFERENCE, today);
const codes = (form = FORM) => validate(form).issues.map((i) => `${i.code}:${i.effect}`);

describe('validateEstablishmentForm', () => {
  it('accepts the fixture form and resolves address, scope and total capital', () => {
    const v = validate();
    expect(v).toMatchObject({ issues: [], submittable: true, domicileAddress: { id: 'GZ-ADDR-0001' }, totalCapital: { amount: '1000000.50' } });
    expect(v.scopeItems.map((s) => s.code)).toEqual(['I6513', 'H6210']);
  });

  it('domicile: free text goes to an officer, an unknown id blocks, the negative list blocks or routes per entry', () => {
    expect(codes(formWith({ domicile: { text: '广州某处' } }))).toEqual(['form.domicile.not_standard:OFFICER']);
    expect(codes(formWith({ domicile: { standardAddressId: 'nope', text: '' } }))).toEqual(['form.domicile.unknown_address:BLOCK']);
    expect(codes(formWith({ domicile: { standardAddressId: 'GZ-ADDR-0002', text: '' } }))).toEqual(['form.domicile.negative_list:BLOCK']);
    const officer = validate(formWith({ domicile: { standardAddressId: 'GZ-ADDR-0003', text: '' } }));
    expect(officer).toMatchObject({ submittable: true, issues: [{ code: 'form.domicile.negative_list', effect: 'OFFICER', detail: 'CLUSTER_REGISTRATION' }] });
  });

  it('scope: catalogue items only, at least one, no duplicates, pre-approval needs its document', () => {
    expect(codes(formWith({ scopeCodes: [] }))).toEqual(['form.scope.empty:BLOCK']);
    expect(codes(formWith({ scopeCodes: ['NOPE'] }))).toEqual(['form.scope.unknown_item:BLOCK']);
    expect(codes(formWith({ scopeCodes: ['I6513', 'I6513'] }))).toEqual(['form.scope.duplicate_item:BLOCK']);
    expect(codes(formWith({ scopeCodes: ['K7010'] }))).toEqual(['form.scope.pre_approval_document_missing:BLOCK']);
    expect(codes(formWith({ scopeCodes: ['K7010'], preApprovalDocuments: [{ scopeCode: 'K7010', documentRef: 'doc-1' }] }))).toEqual([]);
  });

  it('capital: due date at establishment + 5 years passes, one day later blocks', () => {
    expect(capitalDueDateLimit(TODAY)).toBe('2031-03-02');
    expect(capitalDueDateLimit('2024-02-29')).toBe('2029-02-28');
    const due = (dueDate: string) => formWith({ investors: [{ ...FORM.investors[0], dueDate }] });
    expect(codes(due('2031-03-02'))).toEqual([]);
    expect(codes(due('2031-03-03'))).toEqual(['form.capital.due_date_beyond_limit:BLOCK']);
    expect(codes(due('2026-03-01'))).toEqual(['form.capital.due_date_in_past:BLOCK']);
    expect(codes(due('2026-02-30'))).toEqual(['form.capital.due_date_invalid:BLOCK']);
    expect(codes({ ...due('2040-01-01'), entityType: 'GENERAL_PARTNERSHIP' })).toEqual([]);
  });

  it('property: a due date k days after the 5-year limit is refused exactly when k > 0', () => {
    const start = LocalDate.parse('2026-01-01');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), fc.integer({ min: -400, max: 400 }), (d, k) => {
        const today = start.plusDays(d).toString();
        const dueDate = LocalDate.parse(capitalDueDateLimit(today)).plusDays(k).toString();
        const issues = validate(formWith({ investors: [{ ...FORM.investors[0], dueDate }] }), today).issues;
        return issues.some((i) => i.code === 'form.capital.due_date_beyond_limit') === k > 0;
      }),
    );
  });

  it('capital: amounts must be positive decimals; at least one investor', () => {
    expect(codes(formWith({ investors: [] }))).toEqual(['form.capital.no_investor:BLOCK']);
    expect(codes(formWith({ investors: [{ ...FORM.investors[0], subscribed: { amount: '0', currency: 'CNY' } }] }))).toEqual([
      'form.capital.amount_invalid:BLOCK',
    ]);
  });

  it('persons: valid ID numbers, real-name verified, and every referenced person present', () => {
    expect(codes(formWith({ persons: [{ ...PERSON_A, idNumber: '110105194912310021' }, PERSON_B] }))).toEqual(['form.person.id_invalid:BLOCK']);
    expect(codes(formWith({ persons: [{ ...PERSON_A, realNameVerified: false }, PERSON_B] }))).toEqual(['form.person.not_verified:BLOCK']);
    expect(codes(formWith({ persons: [PERSON_A] }))).toEqual(['form.person.unknown:BLOCK', 'form.person.unknown:BLOCK']);
  });

  it('commitment signed, uploaded articles attached, seals only for eligible types', () => {
    expect(codes(formWith({ commitment: { signed: false } }))).toEqual(['form.commitment.not_signed:BLOCK']);
    expect(codes(formWith({ articles: { kind: 'UPLOADED' } }))).toEqual(['form.articles.document_missing:BLOCK']);
    expect(codes(formWith({ entityType: 'SOLE_PROPRIETORSHIP' }))).toEqual(['form.bundle.seals_not_eligible:BLOCK']);
  });
});

describe('evaluateAutoApproval (§3.2)', () => {
  const facts = (form = FORM, extra: Partial<AutoApprovalFacts> = {}): AutoApprovalFacts => ({
    form,
    validation: validate(form),
    nameCheckLevel: 'PASS',
    reservationValid: true,
    ...extra,
  });

  it('lists all 8 checks in order with the rule-set version; eligible when all pass', () => {
    const result = evaluateAutoApproval(DEFAULT_AUTO_APPROVAL_RULES, facts());
    expect(result).toMatchObject({ ruleSetVersion: 'auto-2026.1', eligible: true, failed: [] });
    expect(result.checks.map((c) => [c.number, c.check, c.passed])).toEqual(AUTO_APPROVAL_CHECKS.map((c, i) => [i + 1, c, true]));
  });

  const legalPersonInvestor = { ...FORM.investors[0], kind: 'LEGAL_PERSON' as const };
  it.each([
    ['ENTITY_TYPE', facts(formWith({ entityType: 'JOINT_STOCK' }))],
    ['ENTITY_TYPE', facts(formWith({ investors: [legalPersonInvestor, FORM.investors[1]] }))],
    ['NAME', facts(FORM, { nameCheckLevel: 'WARN' })],
    ['NAME', facts(FORM, { reservationValid: false })],
    ['DOMICILE', facts(formWith({ domicile: { text: '广州某处' } }))],
    ['DOMICILE', facts(formWith({ domicile: { standardAddressId: 'GZ-ADDR-0003', text: '' } }))],
    ['SCOPE', facts(formWith({ scopeCodes: ['K7010'], preApprovalDocuments: [{ scopeCode: 'K7010', documentRef: 'd' }] }))],
    ['SCOPE', facts(formWith({ scopeCodes: ['Z9999'] }))],
    ['IDENTITIES', facts(formWith({ persons: [{ ...PERSON_A, disqualified: true }, PERSON_B] }))],
    ['ARTICLES', facts(formWith({ articles: { kind: 'UPLOADED', documentRef: 'doc' } }))],
    ['NO_FOREIGN_DOCUMENTS', facts(formWith({ investors: [{ ...FORM.investors[0], jurisdiction: 'HK' }, FORM.investors[1]] }))],
    ['COMMITMENT', facts(formWith({ commitment: { signed: false } }))],
  ])('fails %s alone and reports it', (check, f) => {
    const result = evaluateAutoApproval(DEFAULT_AUTO_APPROVAL_RULES, f);
    expect(result.eligible).toBe(false);
    expect(result.failed).toEqual([check]);
    expect(result.checks.find((c) => c.check === check)?.detail).toEqual(expect.any(String));
  });

  it('the rule set is data: another version with other entity types', () => {
    const rules = { ...DEFAULT_AUTO_APPROVAL_RULES, version: 'v2', entityTypes: ['JOINT_STOCK' as const] };
    expect(evaluateAutoApproval(rules, facts())).toMatchObject({ ruleSetVersion: 'v2', failed: ['ENTITY_TYPE'] });
  });
});
