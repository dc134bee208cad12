import { defineEvent, type EventDefinition, type JsonSchema } from '@one-window/shared/messaging';
import { MONEY, USCC } from '@one-window/business-registration/contracts';
import { TAX_TOPIC } from '../topic';

/**
 * Bankruptcy tax cooperation (tax.md §11, §14): the tax claim filed into a bankruptcy case, and the
 * record that an administrator's query of the debtor's tax information was answered. Keyed by the
 * debtor's taxpayer id (a company credit code); `caseId` names the case. No personal data.
 */

function taxEventDefinition<T>(name: string, summary: string, required: string[], properties: Record<string, JsonSchema>, example: T): EventDefinition<T> {
  return defineEvent<T>({ name, version: 1, topic: TAX_TOPIC, summary, schema: { type: 'object', required, properties }, example });
}

/** Claim classes (§11): principal, late fees and fines kept apart; whether the last two are subordinated is open (§16 Q10). */
export const BANKRUPTCY_CLAIM_CLASSES = ['PRINCIPAL', 'LATE_FEE', 'FINE'] as const;
export type BankruptcyClaimClass = (typeof BANKRUPTCY_CLAIM_CLASSES)[number];

export interface BankruptcyClaimFiledData {
  caseId: string;
  claimId: string;
  taxpayerId: string;
  claims: { class: BankruptcyClaimClass; taxType?: string; periodKey?: string; amount: { amount: string; currency: 'CNY' } }[];
  total: { amount: string; currency: 'CNY' };
  /** The tax bureau that files (the debtor's competent bureau). */
  taxBureau: string;
  filedAt: string;
}

export const BankruptcyClaimFiled = taxEventDefinition<BankruptcyClaimFiledData>(
  'tax.bankruptcy_claim.filed',
  "The debtor's tax bureau filed its tax claim with the case's administrator (§11 CLAIM_FILED): principal, late fees and fines as separate classes.",
  ['caseId', 'claimId', 'taxpayerId', 'claims', 'total', 'taxBureau', 'filedAt'],
  {
    caseId: { type: 'string' },
    claimId: { type: 'string' },
    taxpayerId: USCC,
    claims: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['class', 'amount'],
        properties: { class: { type: 'string', enum: [...BANKRUPTCY_CLAIM_CLASSES] }, taxType: { type: 'string' }, periodKey: { type: 'string' }, amount: MONEY },
      },
    },
    total: MONEY,
    taxBureau: { type: 'string' },
    filedAt: { type: 'string', format: 'date-time' },
  },
  {
    caseId: 'BK-2026-0042',
    claimId: 'bkc-5b1e',
    taxpayerId: '91440104MA00001B3B',
    claims: [
      { class: 'PRINCIPAL', taxType: 'VAT', periodKey: '26Q3', amount: { amount: '5200.00', currency: 'CNY' } },
      { class: 'LATE_FEE', amount: { amount: '131.04', currency: 'CNY' } },
      { class: 'FINE', amount: { amount: '500.00', currency: 'CNY' } },
    ],
    total: { amount: '5831.04', currency: 'CNY' },
    taxBureau: 'TAX-440104',
    filedAt: '2026-12-10T03:00:00.000Z',
  },
);

/** The sections of the debtor information answered to an administrator (§11 [cfg]). */
export const DEBTOR_INFO_SECTIONS = ['registration', 'arrears', 'unfiledPeriods', 'pendingRefunds', 'invoicing', 'preservationMeasures'] as const;

export interface DebtorInfoProvidedData {
  caseId: string;
  queryId: string;
  grantId: string;
  taxpayerId: string;
  sections: (typeof DEBTOR_INFO_SECTIONS)[number][];
  providedAt: string;
}

export const DebtorInfoProvided = taxEventDefinition<DebtorInfoProvidedData>(
  'tax.debtor_info.provided',
  "Tax answered an administrator's query of the debtor's tax information under a grant of the bankruptcy service (§11, 000 L989): which case, query and sections; never the content.",
  ['caseId', 'queryId', 'grantId', 'taxpayerId', 'sections', 'providedAt'],
  {
    caseId: { type: 'string' },
    queryId: { type: 'string' },
    grantId: { type: 'string' },
    taxpayerId: USCC,
    sections: { type: 'array', items: { type: 'string', enum: [...DEBTOR_INFO_SECTIONS] } },
    providedAt: { type: 'string', format: 'date-time' },
  },
  {
    caseId: 'BK-2026-0042',
    queryId: 'dq-91c2',
    grantId: 'grant-0042-1',
    taxpayerId: '91440104MA00001B3B',
    sections: [...DEBTOR_INFO_SECTIONS],
    providedAt: '2026-12-03T02:00:00.000Z',
  },
);

export const BANKRUPTCY_COOPERATION_EVENTS: EventDefinition<never>[] = [BankruptcyClaimFiled, DebtorInfoProvided] as EventDefinition<never>[];
