import type { ReliefRule } from './relief-rule';
import { ReliefRuleBook } from './relief-rule-book';

/** 粤办函〔2023〕12号 (002 L315–415): Guangdong, individual businesses (§7; national scope may be wider, §16 Q2). */
const GD_2023_12 = '粤办函〔2023〕12号';
const GUANGDONG_INDIVIDUAL_BUSINESS = { jurisdiction: 'CN-44', subjects: ['INDIVIDUAL_BUSINESS'] } as const;

/** The order the 14,400 deductions use (002 L379). */
const EMPLOYMENT_DEDUCTION_ORDER = [
  'VAT',
  'URBAN_MAINTENANCE_CONSTRUCTION_TAX',
  'EDUCATION_SURCHARGE',
  'LOCAL_EDUCATION_SURCHARGE',
  'INDIVIDUAL_INCOME_TAX',
] as const;

/** The key groups of 002 L379 (重点群体). */
export const KEY_GROUPS = [
  'OUT_OF_POVERTY', // 脱贫人口
  'REGISTERED_UNEMPLOYED_OVER_6_MONTHS', // 登记失业半年以上
  'ZERO_EMPLOYMENT_OR_MINIMUM_ALLOWANCE_FAMILY', // 零就业家庭、享受城市低保登记失业
  'GRADUATE_IN_GRADUATION_YEAR', // 毕业年度内高校毕业生
] as const;

/** The exempt items of VAT-MISC (002 L369). */
export const VAT_EXEMPT_ITEMS = [
  'OWN_FARM_PRODUCE', // 农业生产者销售的自产农产品
  'VEGETABLES_FRESH_MEAT_EGGS', // 蔬菜、部分鲜活肉蛋产品流通环节
  'PESTICIDE_FILM_FARM_MACHINERY', // 农药、农膜、农机
  'BOOK_WHOLESALE_RETAIL', // 图书批发、零售
  'COPYRIGHT_TRANSFER', // 转让著作权
  'SELF_BUILT_SELF_USED_HOUSING', // 自建自用住房
  'FINANCIAL_PRODUCT_TRANSFER', // 金融商品转让
] as const;
export type VatExemptItem = (typeof VAT_EXEMPT_ITEMS)[number];

/**
 * The bundled relief rules (version 1 each), as data. Ranges as §7 states them; "not stated"
 * starts are null (no lower bound). Rules the small-scale assessment does not use (CADRE-3Y) are
 * here for eligibility notices (E5). Not bundled: DEED-IB (no range stated), SI-RATE and
 * SI-DEFERRAL (social insurance, not tax), RD-CENTRE (refund / customs).
 */
export const RELIEF_RULES_2023: readonly ReliefRule[] = [
  {
    ruleId: 'SSVAT-EXEMPT', // 小规模纳税人月销售额10万元以下免征增值税
    version: 1,
    scope: GUANGDONG_INDIVIDUAL_BUSINESS,
    params: { monthlyLimit: '100000.00', quarterlyLimit: '300000.00' },
    effectiveFrom: '2023-01-01',
    effectiveTo: '2023-12-31',
    sourceDoc: GD_2023_12,
    sourceLine: '002 L367',
  },
  {
    ruleId: 'SSVAT-1PCT', // 适用3%征收率的应税销售收入减按1%征收
    version: 1,
    scope: GUANGDONG_INDIVIDUAL_BUSINESS,
    params: { fromLevyRate: '0.03', reducedRate: '0.01' },
    effectiveFrom: '2023-01-01',
    effectiveTo: '2023-12-31',
    sourceDoc: GD_2023_12,
    sourceLine: '002 L367',
  },
  {
    ruleId: 'SIX-TAX-TWO-FEE', // 六税两费 减半征收 (顶格)
    version: 1,
    scope: GUANGDONG_INDIVIDUAL_BUSINESS,
    params: {
      reductionRate: '0.5',
      taxTypes: [
        'RESOURCE_TAX',
        'URBAN_MAINTENANCE_CONSTRUCTION_TAX',
        'PROPERTY_TAX',
        'URBAN_LAND_USE_TAX',
        'STAMP_DUTY', // excluding stamp duty on securities trading (证券交易印花税)
        'FARMLAND_OCCUPATION_TAX',
        'EDUCATION_SURCHARGE',
        'LOCAL_EDUCATION_SURCHARGE',
      ],
    },
    effectiveFrom: null,
    effectiveTo: '2024-12-31',
    sourceDoc: GD_2023_12,
    sourceLine: '002 L377',
  },
  {
    ruleId: 'KEY-GROUP-14400', // 重点群体创业 每户每年14400元 限额扣减
    version: 1,
    scope: GUANGDONG_INDIVIDUAL_BUSINESS,
    params: { annualLimit: '14400.00', months: 36, groups: [...KEY_GROUPS], deductionOrder: [...EMPLOYMENT_DEDUCTION_ORDER] },
    effectiveFrom: null,
    effectiveTo: '2025-12-31',
    sourceDoc: GD_2023_12,
    sourceLine: '002 L379',
  },
  {
    ruleId: 'VETERAN-14400', // 自主就业退役士兵从事个体经营
    version: 1,
    scope: GUANGDONG_INDIVIDUAL_BUSINESS,
    params: { annualLimit: '14400.00', months: 36, groups: ['DISCHARGED_SOLDIER'], deductionOrder: [...EMPLOYMENT_DEDUCTION_ORDER] },
    effectiveFrom: null,
    effectiveTo: '2023-12-31',
    sourceDoc: GD_2023_12,
    sourceLine: '002 L415',
  },
  {
    ruleId: 'VAT-MISC', // 个体工商户 增值税免税项目
    version: 1,
    scope: GUANGDONG_INDIVIDUAL_BUSINESS,
    params: { items: [...VAT_EXEMPT_ITEMS] },
    effectiveFrom: null,
    effectiveTo: null,
    openEnded: 'national',
    sourceDoc: GD_2023_12,
    sourceLine: '002 L369',
  },
  {
    ruleId: 'CADRE-3Y', // 军队转业干部 (师以上转业证) 3年免征增值税、个人所得税
    version: 1,
    scope: GUANGDONG_INDIVIDUAL_BUSINESS,
    params: { years: 3, taxTypes: ['VAT', 'INDIVIDUAL_INCOME_TAX'] },
    effectiveFrom: null,
    effectiveTo: null,
    openEnded: 'national',
    sourceDoc: GD_2023_12,
    sourceLine: '002 L415',
  },
];

/** The bundled rules as a rule book. */
export function bundledReliefRuleBook(): ReliefRuleBook {
  return ReliefRuleBook.of(RELIEF_RULES_2023);
}
