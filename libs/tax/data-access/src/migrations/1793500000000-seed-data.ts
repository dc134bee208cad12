/**
 * The data migration 1793500000000 seeded, frozen as it shipped (relief rules of 粤办函〔2023〕12号 and the
 * default key-operation list, from libs/tax/domain at the time): a migration that has run must not
 * change when the domain's constants do. Later changes are admin publications.
 */
export const SEEDED_RELIEF_RULES: readonly {
  id: string;
  rule: { ruleId: string } & Record<string, unknown>;
}[] = [
  {
    id: 'SSVAT-EXEMPT@1',
    rule: {
      ruleId: 'SSVAT-EXEMPT',
      version: 1,
      scope: {
        jurisdiction: 'CN-44',
        subjects: ['INDIVIDUAL_BUSINESS'],
      },
      params: {
        monthlyLimit: '100000.00',
        quarterlyLimit: '300000.00',
      },
      effectiveFrom: '2023-01-01',
      effectiveTo: '2023-12-31',
      sourceDoc: '粤办函〔2023〕12号',
      sourceLine: '002 L367',
    },
  },
  {
    id: 'SSVAT-1PCT@1',
    rule: {
      ruleId: 'SSVAT-1PCT',
      version: 1,
      scope: {
        jurisdiction: 'CN-44',
        subjects: ['INDIVIDUAL_BUSINESS'],
      },
      params: {
        fromLevyRate: '0.03',
        reducedRate: '0.01',
      },
      effectiveFrom: '2023-01-01',
      effectiveTo: '2023-12-31',
      sourceDoc: '粤办函〔2023〕12号',
      sourceLine: '002 L367',
    },
  },
  {
    id: 'SIX-TAX-TWO-FEE@1',
    rule: {
      ruleId: 'SIX-TAX-TWO-FEE',
      version: 1,
      scope: {
        jurisdiction: 'CN-44',
        subjects: ['INDIVIDUAL_BUSINESS'],
      },
      params: {
        reductionRate: '0.5',
        taxTypes: [
          'RESOURCE_TAX',
          'URBAN_MAINTENANCE_CONSTRUCTION_TAX',
          'PROPERTY_TAX',
          'URBAN_LAND_USE_TAX',
          'STAMP_DUTY',
          'FARMLAND_OCCUPATION_TAX',
          'EDUCATION_SURCHARGE',
          'LOCAL_EDUCATION_SURCHARGE',
        ],
      },
      effectiveFrom: null,
      effectiveTo: '2024-12-31',
      sourceDoc: '粤办函〔2023〕12号',
      sourceLine: '002 L377',
    },
  },
  {
    id: 'KEY-GROUP-14400@1',
    rule: {
      ruleId: 'KEY-GROUP-14400',
      version: 1,
      scope: {
        jurisdiction: 'CN-44',
        subjects: ['INDIVIDUAL_BUSINESS'],
      },
      params: {
        annualLimit: '14400.00',
        months: 36,
        groups: [
          'OUT_OF_POVERTY',
          'REGISTERED_UNEMPLOYED_OVER_6_MONTHS',
          'ZERO_EMPLOYMENT_OR_MINIMUM_ALLOWANCE_FAMILY',
          'GRADUATE_IN_GRADUATION_YEAR',
        ],
        deductionOrder: [
          'VAT',
          'URBAN_MAINTENANCE_CONSTRUCTION_TAX',
          'EDUCATION_SURCHARGE',
          'LOCAL_EDUCATION_SURCHARGE',
          'INDIVIDUAL_INCOME_TAX',
        ],
      },
      effectiveFrom: null,
      effectiveTo: '2025-12-31',
      sourceDoc: '粤办函〔2023〕12号',
      sourceLine: '002 L379',
    },
  },
  {
    id: 'VETERAN-14400@1',
    rule: {
      ruleId: 'VETERAN-14400',
      version: 1,
      scope: {
        jurisdiction: 'CN-44',
        subjects: ['INDIVIDUAL_BUSINESS'],
      },
      params: {
        annualLimit: '14400.00',
        months: 36,
        groups: ['DISCHARGED_SOLDIER'],
        deductionOrder: [
          'VAT',
          'URBAN_MAINTENANCE_CONSTRUCTION_TAX',
          'EDUCATION_SURCHARGE',
          'LOCAL_EDUCATION_SURCHARGE',
          'INDIVIDUAL_INCOME_TAX',
        ],
      },
      effectiveFrom: null,
      effectiveTo: '2023-12-31',
      sourceDoc: '粤办函〔2023〕12号',
      sourceLine: '002 L415',
    },
  },
  {
    id: 'VAT-MISC@1',
    rule: {
      ruleId: 'VAT-MISC',
      version: 1,
      scope: {
        jurisdiction: 'CN-44',
        subjects: ['INDIVIDUAL_BUSINESS'],
      },
      params: {
        items: [
          'OWN_FARM_PRODUCE',
          'VEGETABLES_FRESH_MEAT_EGGS',
          'PESTICIDE_FILM_FARM_MACHINERY',
          'BOOK_WHOLESALE_RETAIL',
          'COPYRIGHT_TRANSFER',
          'SELF_BUILT_SELF_USED_HOUSING',
          'FINANCIAL_PRODUCT_TRANSFER',
        ],
      },
      effectiveFrom: null,
      effectiveTo: null,
      openEnded: 'national',
      sourceDoc: '粤办函〔2023〕12号',
      sourceLine: '002 L369',
    },
  },
  {
    id: 'CADRE-3Y@1',
    rule: {
      ruleId: 'CADRE-3Y',
      version: 1,
      scope: {
        jurisdiction: 'CN-44',
        subjects: ['INDIVIDUAL_BUSINESS'],
      },
      params: {
        years: 3,
        taxTypes: ['VAT', 'INDIVIDUAL_INCOME_TAX'],
      },
      effectiveFrom: null,
      effectiveTo: null,
      openEnded: 'national',
      sourceDoc: '粤办函〔2023〕12号',
      sourceLine: '002 L415',
    },
  },
];

export const SEEDED_KEY_OPERATION_LIST: {
  version: string;
  effectiveFrom: string;
} & Record<string, unknown> = {
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  operations: [
    {
      operation: 'REFUND_CLAIM',
      category: 'refund',
    },
    {
      operation: 'INVOICE_QUOTA_INCREASE',
      category: 'invoice',
    },
    {
      operation: 'PROXY_INVOICE',
      category: 'invoice',
    },
    {
      operation: 'UKEY_ISSUE',
      category: 'invoice',
    },
    {
      operation: 'CLEARANCE_ON_THE_SPOT',
      category: 'clearance',
    },
    {
      operation: 'CLEARANCE_COMMITMENT',
      category: 'clearance',
    },
    {
      operation: 'CROSS_REGION_MATTER',
      category: 'cross_region',
    },
  ],
};
