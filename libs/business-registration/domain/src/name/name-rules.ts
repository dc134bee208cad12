import type { EntityType } from '../shared/entity-type';

/** An administrative division (行政区划, GB/T 2260) that may open a name, with the spellings accepted. */
export interface DivisionEntry {
  readonly code: string;
  /** Longest first is not required: the parser takes the longest match. e.g. ['广州市', '广州']. */
  readonly names: readonly string[];
}

/** An industry word (行业表述) from the unified list (002 L2987), with its GB/T 4754 section. */
export interface IndustryWord {
  readonly word: string;
  readonly industryCode: string;
}

/** A listed word and why it is listed (a reason code for the result). */
export interface ListedWord {
  readonly word: string;
  readonly reason: string;
}

/**
 * The reference data behind the name self-check (名称自主申报), versioned so that an admin API
 * can edit it and every check records the version it used [cfg]. Words are matched after
 * NFKC normalisation (full-width → half-width), so list them in either width.
 */
export interface NameRules {
  readonly version: string;
  readonly divisions: readonly DivisionEntry[];
  readonly industryWords: readonly IndustryWord[];
  /** 组织形式 allowed per entity type; the parser knows every form of every type. */
  readonly organisationForms: Readonly<Record<EntityType, readonly string[]>>;
  /** BLOCK: prohibited content [NR]. */
  readonly prohibitedWords: readonly ListedWord[];
  /** BLOCK unless the applicant holds an approval: 中国 / 中华 / 中央 / 全国 / 国家 [NR]. */
  readonly restrictedWords: readonly string[];
  /** WARN: sensitive words. */
  readonly sensitiveWords: readonly ListedWord[];
  /** WARN: well-known trade names and marks (001 L1113). */
  readonly wellKnownTradeNames: readonly string[];
  /** Words that a sole proprietorship may not use anywhere in its name. */
  readonly soleProprietorshipBannedWords: readonly string[];
  /** Similarity: the edit-distance rule applies to trade names of at least this many characters. */
  readonly editDistanceMinLength: number;
}

/** A small default dataset (Guangzhou-flavoured) for development and tests. NOT an official list. */
export const DEFAULT_NAME_RULES: NameRules = {
  version: 'default-2026.1',
  divisions: [
    { code: '440000', names: ['广东省', '广东'] },
    { code: '440100', names: ['广州市', '广州'] },
    { code: '440104', names: ['广州市越秀区', '越秀区'] },
    { code: '440106', names: ['广州市天河区', '天河区'] },
    { code: '440115', names: ['广州市南沙区', '南沙区'] },
    { code: '441500', names: ['汕尾市', '汕尾'] },
    { code: '350100', names: ['福州市', '福州'] },
    { code: '110000', names: ['北京市', '北京'] },
  ],
  industryWords: [
    { word: '科技', industryCode: 'M' },
    { word: '网络科技', industryCode: 'I' },
    { word: '信息技术', industryCode: 'I' },
    { word: '软件', industryCode: 'I' },
    { word: '贸易', industryCode: 'F' },
    { word: '商贸', industryCode: 'F' },
    { word: '餐饮', industryCode: 'H' },
    { word: '餐饮管理', industryCode: 'H' },
    { word: '房地产', industryCode: 'K' },
    { word: '咨询', industryCode: 'L' },
    { word: '企业管理', industryCode: 'L' },
    { word: '投资', industryCode: 'L' },
    { word: '建筑工程', industryCode: 'E' },
    { word: '物流', industryCode: 'G' },
    { word: '文化传媒', industryCode: 'R' },
    { word: '电子', industryCode: 'C' },
    { word: '食品', industryCode: 'C' },
  ],
  organisationForms: {
    LLC: ['有限责任公司', '有限公司'],
    JOINT_STOCK: ['股份有限公司'],
    GENERAL_PARTNERSHIP: ['合伙企业(普通合伙)', '(普通合伙)'],
    LIMITED_PARTNERSHIP: ['合伙企业(有限合伙)', '(有限合伙)'],
    SPECIAL_GENERAL_PARTNERSHIP: ['合伙企业(特殊普通合伙)', '(特殊普通合伙)'],
    SOLE_PROPRIETORSHIP: ['工作室', '经营部', '商行', '中心', '厂', '店'],
    INDIVIDUAL_BUSINESS: ['工作室', '经营部', '商行', '馆', '店', '坊'],
    FARMERS_COOPERATIVE: ['专业合作社', '合作社'],
  },
  prohibitedWords: [
    { word: '共产党', reason: 'PARTY_NAME' },
    { word: '国务院', reason: 'STATE_ORGAN' },
    { word: '人民政府', reason: 'STATE_ORGAN' },
    { word: '解放军', reason: 'MILITARY' },
    { word: '部队', reason: 'MILITARY' },
    { word: '武警', reason: 'MILITARY' },
    { word: '联合国', reason: 'INTERNATIONAL_ORGANISATION' },
    { word: '美利坚', reason: 'FOREIGN_STATE' },
    { word: '赌场', reason: 'GAMBLING' },
    { word: '博彩', reason: 'GAMBLING' },
    { word: '色情', reason: 'OBSCENITY' },
    { word: '算命', reason: 'SUPERSTITION' },
    { word: '恐怖', reason: 'TERROR_VIOLENCE' },
  ],
  restrictedWords: ['中国', '中华', '中央', '全国', '国家'],
  sensitiveWords: [
    { word: '国际', reason: 'SCALE_CLAIM' },
    { word: '环球', reason: 'SCALE_CLAIM' },
    { word: '集团', reason: 'GROUP_STRUCTURE' },
    { word: '银行', reason: 'FINANCIAL_LICENCE' },
    { word: '证券', reason: 'FINANCIAL_LICENCE' },
    { word: '保险', reason: 'FINANCIAL_LICENCE' },
  ],
  wellKnownTradeNames: ['华为', '腾讯', '茅台', '格力', '美的'],
  soleProprietorshipBannedWords: ['有限', '公司'],
  editDistanceMinLength: 3,
};
