/**
 * The tax types a return, a liability or a relief line is about (tax.md §3, §6, §7). Codes are
 * the domain's English; the Chinese name is in the comment.
 */
export const TAX_TYPES = [
  'VAT', // 增值税
  'URBAN_MAINTENANCE_CONSTRUCTION_TAX', // 城市维护建设税
  'EDUCATION_SURCHARGE', // 教育费附加
  'LOCAL_EDUCATION_SURCHARGE', // 地方教育附加
  'INDIVIDUAL_INCOME_TAX', // 个人所得税
  'CORPORATE_INCOME_TAX', // 企业所得税 (prepayment, 预缴)
  'URBAN_LAND_USE_TAX', // 城镇土地使用税
  'PROPERTY_TAX', // 房产税
  'VEHICLE_VESSEL_TAX', // 车船税
  'STAMP_DUTY', // 印花税
  'FARMLAND_OCCUPATION_TAX', // 耕地占用税
  'RESOURCE_TAX', // 资源税
  'LAND_VAT', // 土地增值税
  'DEED_TAX', // 契税
  'ENVIRONMENTAL_PROTECTION_TAX', // 环境保护税
  'TOBACCO_LEAF_TAX', // 烟叶税
] as const;

export type TaxType = (typeof TAX_TYPES)[number];

export function isTaxType(value: unknown): value is TaxType {
  return typeof value === 'string' && (TAX_TYPES as readonly string[]).includes(value);
}

/**
 * R6.1 (000 L2746–2751): the 11 taxes that may be filed on one combined return of
 * property-and-behaviour taxes with CIT (多税合一, 财产和行为税与企业所得税合并申报).
 */
export const COMBINED_RETURN_TAX_TYPES = [
  'CORPORATE_INCOME_TAX',
  'URBAN_LAND_USE_TAX',
  'PROPERTY_TAX',
  'VEHICLE_VESSEL_TAX',
  'STAMP_DUTY',
  'FARMLAND_OCCUPATION_TAX',
  'RESOURCE_TAX',
  'LAND_VAT',
  'DEED_TAX',
  'ENVIRONMENTAL_PROTECTION_TAX',
  'TOBACCO_LEAF_TAX',
] as const satisfies readonly TaxType[];

/**
 * The VAT return carries the three surcharges computed on VAT with it [ext: 增值税及附加税费
 * 合并申报, national practice since 2021-08; not in the seeds].
 */
export const VAT_RETURN_TAX_TYPES = [
  'VAT',
  'URBAN_MAINTENANCE_CONSTRUCTION_TAX',
  'EDUCATION_SURCHARGE',
  'LOCAL_EDUCATION_SURCHARGE',
] as const satisfies readonly TaxType[];

/** Tax types in the canonical order of TAX_TYPES, without duplicates. */
export function sortTaxTypes(types: readonly TaxType[]): TaxType[] {
  return TAX_TYPES.filter((t) => types.includes(t));
}
