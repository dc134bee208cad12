/**
 * Trade names (字号) of two characters from this list: every ordered pair is its own name. Two-character
 * trade names are never "similar" to each other under the name check (the edit-distance rule starts at
 * three characters, and two different names of two characters cannot contain one another), so every
 * name passes (PASS, not WARN) and its application is approved at once. None of these characters
 * appears in a division, industry word, organisation form or listed word of DEFAULT_NAME_RULES.
 */
const CHARS = [...'星辰瑞祥嘉禾明德安泰康宁鼎盛恒通达远晨光锦绣青松云帆海悦鸿运丰润顺启航卓凡智慧弘毅雅韵清风竹林泉峰岳'];

/** Industry words of DEFAULT_NAME_RULES, each in a different industry (the name check reads every name of the same industry). */
const INDUSTRY_WORDS = ['科技', '贸易', '咨询', '物流', '文化传媒', '软件', '食品', '餐饮管理'];

export const NAME_CAPACITY = CHARS.length * CHARS.length;

/** Company i's name, e.g. 广州市星辰科技有限公司: unique trade name per i, domicile division 广州市 (contains 越秀区). */
export function companyName(i: number, industries: number): string {
  if (i < 0 || i >= NAME_CAPACITY) throw new Error(`company ${i}: only ${NAME_CAPACITY} trade names`);
  const trade = CHARS[i % CHARS.length] + CHARS[Math.floor(i / CHARS.length)];
  return `广州市${trade}${INDUSTRY_WORDS[i % industries]}有限公司`;
}

/** The reservation request (as in apps/business-registration/test/company-to-taxpayer.e2e-spec.ts). */
export const reservationRequest = (name: string) => ({ name, entityType: 'LLC', authorityCode: 'GZ-YX-AMR', domicileDivisionCode: '440104', commitmentSigned: true });

/** The establishment form that passes every auto-approval check: the e2e tests' own fixture, so the two cannot drift apart. */
export { establishmentForm } from '../../apps/business-registration/test/establishment-form';
