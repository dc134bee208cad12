import fc from 'fast-check';
import { checkName, divisionContains, NAME_REASONS, toExistingName, type NameCheckInput } from './name-check';
import { DEFAULT_NAME_RULES as RULES } from './name-rules';
import { editDistance } from './normalise';
import { normaliseForComparison, parseName } from './parse-name';

const base: Omit<NameCheckInput, 'name'> = { entityType: 'LLC', authorityCode: 'GZ-AMR' };
const codes = (input: NameCheckInput) => checkName(input, RULES).reasons.map((r) => r.code);
const existing = (name: string, authorityCode = 'GZ-AMR', id = name) => toExistingName(id, name, RULES, authorityCode, 'REGISTERED');

describe('parseName', () => {
  it('splits division + trade name + industry word + form', () => {
    expect(parseName('广州市星河科技有限公司', RULES)).toMatchObject({
      division: { code: '440100', text: '广州市', placement: 'PREFIX' },
      tradeName: '星河',
      industryWord: '科技',
      industryCode: 'M',
      organisationForm: '有限公司',
      tradeNameKey: '星河',
    });
  });

  it('takes the longest division, industry word and form', () => {
    expect(parseName('广州市越秀区星河网络科技股份有限公司', RULES)).toMatchObject({
      division: { code: '440104' },
      tradeName: '星河',
      industryWord: '网络科技',
      organisationForm: '股份有限公司',
    });
  });

  it('reads the bracketed division, in full or half width', () => {
    for (const name of ['星河（广州）科技有限公司', '星河(广州)科技有限公司']) {
      expect(parseName(name, RULES)).toMatchObject({
        division: { code: '440100', placement: 'BRACKETED' },
        tradeName: '星河',
        organisationForm: '有限公司',
      });
    }
  });

  it('reads partnership forms in brackets', () => {
    expect(parseName('广州星河投资合伙企业（有限合伙）', RULES)).toMatchObject({
      tradeName: '星河',
      industryWord: '投资',
      organisationForm: '合伙企业(有限合伙)',
    });
  });

  it('normalises for comparison: division, industry word, form, width and brackets stripped', () => {
    const keys = ['广州市星河科技有限公司', '星河（广州）贸易有限公司', '星河科技股份有限公司', '广州 星河 科技有限公司'].map((n) =>
      normaliseForComparison(n, RULES),
    );
    expect(new Set(keys)).toEqual(new Set(['星河']));
  });

  it('property: a composed name parses back into its parts', () => {
    const han = fc.constantFrom(...'星河湾鸿达瑞丰晨曦松柏青岚');
    const trade = fc.array(han, { minLength: 2, maxLength: 6 }).map((cs) => cs.join(''));
    const division = fc.constantFrom('广州市', '广州', '天河区', '');
    const industry = fc.constantFrom('科技', '贸易', '餐饮管理', '文化传媒');
    const form = fc.constantFrom('有限公司', '有限责任公司', '股份有限公司');
    fc.assert(
      fc.property(division, trade, industry, form, (d, t, i, f) => {
        const parsed = parseName(d + t + i + f, RULES);
        return parsed.tradeName === t && parsed.industryWord === i && parsed.organisationForm === f && (parsed.division?.text ?? '') === d;
      }),
    );
  });
});

describe('checkName: structure', () => {
  it('passes a well-formed company name', () => {
    const result = checkName({ ...base, name: '广州市星河科技有限公司', domicileDivisionCode: '440104' }, RULES);
    expect(result).toMatchObject({ level: 'PASS', reasons: [], rulesVersion: RULES.version });
  });

  it('a name without a division passes with an INFO note (national database check)', () => {
    const result = checkName({ ...base, name: '星河科技有限公司' }, RULES);
    expect(result.level).toBe('PASS');
    expect(result.reasons).toEqual([expect.objectContaining({ code: NAME_REASONS.DIVISION_ABSENT, level: 'INFO' })]);
  });

  it('trade name: 2 Chinese characters pass, 1 is blocked, letters are blocked', () => {
    expect(checkName({ ...base, name: '广州星河科技有限公司' }, RULES).level).toBe('PASS');
    expect(codes({ ...base, name: '广州星科技有限公司' })).toContain(NAME_REASONS.TRADE_NAME_TOO_SHORT);
    expect(codes({ ...base, name: '广州星河ABC科技有限公司' })).toContain(NAME_REASONS.TRADE_NAME_NOT_CHINESE);
  });

  it('the form must match the entity type', () => {
    expect(codes({ ...base, name: '广州星河科技股份有限公司' })).toEqual([NAME_REASONS.FORM_MISMATCH]);
    expect(checkName({ ...base, entityType: 'JOINT_STOCK', name: '广州星河科技股份有限公司' }, RULES).level).toBe('PASS');
    expect(checkName({ ...base, entityType: 'LIMITED_PARTNERSHIP', name: '广州星河投资合伙企业（有限合伙）' }, RULES).level).toBe('PASS');
    expect(codes({ ...base, name: '广州星河科技' })).toContain(NAME_REASONS.FORM_MISSING);
  });

  it('a sole proprietorship may use neither 有限 nor 公司', () => {
    expect(checkName({ ...base, entityType: 'SOLE_PROPRIETORSHIP', name: '广州星河科技工作室' }, RULES).level).toBe('PASS');
    const blocked = checkName({ ...base, entityType: 'SOLE_PROPRIETORSHIP', name: '广州星河科技有限公司' }, RULES);
    expect(blocked.level).toBe('BLOCK');
    expect(blocked.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining([NAME_REASONS.FORM_MISMATCH, NAME_REASONS.SOLE_PROPRIETORSHIP_COMPANY_WORDS]),
    );
  });

  it('the division must be the domicile or contain it', () => {
    expect(divisionContains('440000', '440104')).toBe(true);
    expect(divisionContains('440100', '440104')).toBe(true);
    expect(divisionContains('440104', '440104')).toBe(true);
    expect(divisionContains('440106', '440104')).toBe(false);
    expect(divisionContains('350100', '440104')).toBe(false);
    expect(codes({ ...base, name: '福州星河科技有限公司', domicileDivisionCode: '440104' })).toEqual([NAME_REASONS.DIVISION_NOT_DOMICILE]);
  });

  it('an unknown industry word warns', () => {
    const result = checkName({ ...base, name: '广州星河奇妙有限公司' }, RULES);
    expect(result).toMatchObject({ level: 'WARN', parsed: { tradeName: '星河奇妙' } });
    expect(result.reasons.map((r) => r.code)).toEqual([NAME_REASONS.INDUSTRY_UNKNOWN]);
  });
});

describe('checkName: listed words', () => {
  it('prohibited words block, with the listing reason', () => {
    const result = checkName({ ...base, name: '广州博彩科技有限公司' }, RULES);
    expect(result.level).toBe('BLOCK');
    expect(result.reasons).toContainEqual({ code: NAME_REASONS.PROHIBITED, level: 'BLOCK', detail: '博彩:GAMBLING' });
  });

  it('中国 / 中华 / 中央 / 全国 / 国家 block without approval, pass with it', () => {
    for (const word of ['中国', '中华', '中央', '全国', '国家']) {
      expect(codes({ ...base, name: `${word}星河科技有限公司` })).toContain(NAME_REASONS.RESTRICTED_WORD);
    }
    expect(checkName({ ...base, name: '中国星河科技有限公司', restrictedWordApproved: true }, RULES).level).toBe('PASS');
  });

  it('sensitive words and well-known trade names warn', () => {
    expect(checkName({ ...base, name: '广州星河国际贸易有限公司' }, RULES)).toMatchObject({ level: 'WARN' });
    expect(codes({ ...base, name: '广州华为星科技有限公司' })).toEqual([NAME_REASONS.WELL_KNOWN]);
  });
});

describe('checkName: duplicates and similar names', () => {
  const check = (name: string, others: string[], authority = 'GZ-AMR') =>
    checkName({ ...base, name, existing: others.map((o) => existing(o, authority)) }, RULES);

  it('identical trade name, same industry, same authority: BLOCK (whatever the width, brackets or division)', () => {
    for (const other of ['广州市星河科技有限公司', '星河（广州）科技有限公司', '广州星河科技股份有限公司']) {
      expect(check('广州星河科技有限公司', [other]).reasons).toEqual([
        expect.objectContaining({ code: NAME_REASONS.DUPLICATE, level: 'BLOCK' }),
      ]);
    }
  });

  it('same trade name in another industry, or at another authority: WARN', () => {
    expect(check('广州星河科技有限公司', ['广州星河贸易有限公司']).reasons.map((r) => r.code)).toEqual([NAME_REASONS.SIMILAR_SAME_TRADE_NAME]);
    expect(check('广州星河科技有限公司', ['广州星河科技有限公司'], 'FZ-AMR').level).toBe('WARN');
  });

  it('edit distance 1 warns from 3 characters on, not below', () => {
    expect(editDistance('星河湾', '星河港')).toBe(1);
    expect(check('广州星河湾科技有限公司', ['广州星河港科技有限公司']).reasons.map((r) => r.code)).toEqual([NAME_REASONS.SIMILAR_EDIT_DISTANCE]);
    expect(check('广州星河科技有限公司', ['广州星海科技有限公司']).level).toBe('PASS');
    expect(check('广州星河湾科技有限公司', ['广州星海港科技有限公司']).level).toBe('PASS');
  });

  it('one trade name containing the other warns', () => {
    expect(check('广州星河科技有限公司', ['广州大星河湾科技有限公司']).reasons.map((r) => r.code)).toEqual([NAME_REASONS.SIMILAR_CONTAINS]);
  });

  it('ignores the applicant’s own reservation', () => {
    const own = existing('广州星河科技有限公司', 'GZ-AMR', 'res-1');
    expect(checkName({ ...base, name: '广州星河科技有限公司', existing: [own], ignoreIds: ['res-1'] }, RULES).level).toBe('PASS');
  });
});
