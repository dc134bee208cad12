/**
 * Entity types (市场主体类型) this service registers. The USCC category digit (position 2 under
 * department 9) follows from it: 1 enterprise, 2 individual business (个体工商户), 3 farmers' cooperative.
 */
export const ENTITY_TYPES = [
  'LLC', // 有限责任公司
  'JOINT_STOCK', // 股份有限公司
  'GENERAL_PARTNERSHIP', // 普通合伙企业
  'LIMITED_PARTNERSHIP', // 有限合伙企业
  'SPECIAL_GENERAL_PARTNERSHIP', // 特殊普通合伙企业
  'SOLE_PROPRIETORSHIP', // 个人独资企业
  'INDIVIDUAL_BUSINESS', // 个体工商户
  'FARMERS_COOPERATIVE', // 农民专业合作社
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

export function usccCategoryOf(type: EntityType): '1' | '2' | '3' {
  if (type === 'INDIVIDUAL_BUSINESS') return '2';
  if (type === 'FARMERS_COOPERATIVE') return '3';
  return '1';
}

export function isCompany(type: EntityType): boolean {
  return type === 'LLC' || type === 'JOINT_STOCK';
}
