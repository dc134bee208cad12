/**
 * The 13 key industries of the VAT credit refund (留抵退税), tax.md §9 (002 L365), as data, mapped
 * to GB/T 4754-2017 (国民经济行业分类) sections (门类, a letter) or, where the seed names only part
 * of a section, divisions (大类, two digits):
 *  - software and IT services is division 65 of section I (I also holds telecom 63 and internet 64);
 *  - ecological protection and environmental governance is division 77 of section N (N also holds
 *    water conservancy 76, public facilities 78, land management 79).
 * Everything else is a whole section. The mapping is [derived]; confirm with the bureau.
 */

export interface KeyIndustry {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** GB/T 4754-2017 sections (letters) covered whole. */
  readonly sections: readonly string[];
  /** GB/T 4754-2017 divisions (two digits) covered, when only part of a section is. */
  readonly divisions: readonly string[];
}

export const KEY_INDUSTRIES_VERSION = 'GB/T4754-2017@2026.1';

export const KEY_INDUSTRIES: readonly KeyIndustry[] = [
  { id: 'MANUFACTURING', nameZh: '制造业', nameEn: 'Manufacturing', sections: ['C'], divisions: [] },
  { id: 'SCIENTIFIC_RESEARCH', nameZh: '科学研究和技术服务业', nameEn: 'Scientific research and technical services', sections: ['M'], divisions: [] },
  { id: 'UTILITIES', nameZh: '电力、热力、燃气及水生产和供应业', nameEn: 'Electricity, heat, gas and water', sections: ['D'], divisions: [] },
  { id: 'SOFTWARE_IT', nameZh: '软件和信息技术服务业', nameEn: 'Software and IT services', sections: [], divisions: ['65'] },
  { id: 'ECOLOGY_ENVIRONMENT', nameZh: '生态保护和环境治理业', nameEn: 'Ecological protection and environmental governance', sections: [], divisions: ['77'] },
  { id: 'TRANSPORT_STORAGE_POST', nameZh: '交通运输、仓储和邮政业', nameEn: 'Transport, storage and post', sections: ['G'], divisions: [] },
  { id: 'WHOLESALE_RETAIL', nameZh: '批发和零售业', nameEn: 'Wholesale and retail', sections: ['F'], divisions: [] },
  { id: 'AGRICULTURE', nameZh: '农、林、牧、渔业', nameEn: 'Agriculture, forestry, animal husbandry and fishery', sections: ['A'], divisions: [] },
  { id: 'ACCOMMODATION_CATERING', nameZh: '住宿和餐饮业', nameEn: 'Accommodation and catering', sections: ['H'], divisions: [] },
  { id: 'RESIDENT_SERVICES', nameZh: '居民服务、修理和其他服务业', nameEn: 'Resident, repair and other services', sections: ['O'], divisions: [] },
  { id: 'EDUCATION', nameZh: '教育', nameEn: 'Education', sections: ['P'], divisions: [] },
  { id: 'HEALTH_SOCIAL_WORK', nameZh: '卫生和社会工作', nameEn: 'Health and social work', sections: ['Q'], divisions: [] },
  { id: 'CULTURE_SPORTS_ENTERTAINMENT', nameZh: '文化、体育和娱乐业', nameEn: 'Culture, sports and entertainment', sections: ['R'], divisions: [] },
];

/** GB/T 4754-2017 sections by division range (inclusive). */
const SECTION_RANGES: ReadonlyArray<readonly [string, number, number]> = [
  ['A', 1, 5],
  ['B', 6, 12],
  ['C', 13, 43],
  ['D', 44, 46],
  ['E', 47, 50],
  ['F', 51, 52],
  ['G', 53, 60],
  ['H', 61, 62],
  ['I', 63, 65],
  ['J', 66, 69],
  ['K', 70, 70],
  ['L', 71, 72],
  ['M', 73, 75],
  ['N', 76, 79],
  ['O', 80, 82],
  ['P', 83, 83],
  ['Q', 84, 85],
  ['R', 86, 90],
  ['S', 91, 96],
  ['T', 97, 97],
];

export interface ParsedIndustryCode {
  readonly section: string;
  /** Two digits, when the code gives them. */
  readonly division?: string;
}

/** The section letter of a division ('65' → 'I'), or undefined for a division GB/T 4754-2017 lacks. */
export function sectionOfDivision(division: string): string | undefined {
  const n = Number(division);
  return SECTION_RANGES.find(([, lo, hi]) => n >= lo && n <= hi)?.[0];
}

/**
 * Parses a GB/T 4754 code: a section letter alone ('C'), a letter with 2–4 digits ('I6513'), or
 * 2–4 digits alone ('6513'). Undefined when malformed or when the letter and digits disagree.
 */
export function parseIndustryCode(code: string): ParsedIndustryCode | undefined {
  const m = /^([A-T])?(\d{2}(?:\d{1,2})?)?$/.exec(code.trim().toUpperCase());
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const [, letter, digits] = m;
  if (digits === undefined) return { section: letter as string };
  const division = digits.slice(0, 2);
  const section = sectionOfDivision(division);
  if (section === undefined || (letter !== undefined && letter !== section)) return undefined;
  return { section, division };
}

/** The key industry a taxpayer's industry code falls in, or undefined. A bare section letter does not reach a division-level industry. */
export function keyIndustryOf(industryCode: string, industries: readonly KeyIndustry[] = KEY_INDUSTRIES): KeyIndustry | undefined {
  const parsed = parseIndustryCode(industryCode);
  if (!parsed) return undefined;
  return industries.find(
    (k) => k.sections.includes(parsed.section) || (parsed.division !== undefined && k.divisions.includes(parsed.division)),
  );
}
