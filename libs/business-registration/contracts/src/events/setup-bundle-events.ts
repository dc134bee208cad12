import { defineEvent, type JsonSchema } from '@one-window/shared/messaging';
import { USCC } from '../schema-parts';
import { REGISTRATION_TOPIC } from '../topic';

/** The six parts of 照章税保金银 (§5). */
export const BUNDLE_PART_NAMES = ['LICENCE', 'SEALS', 'TAX', 'SOCIAL_INSURANCE', 'HOUSING_FUND', 'BANK'] as const;
export type BundlePartName = (typeof BUNDLE_PART_NAMES)[number];

const INSTANT: JsonSchema = { type: 'string', format: 'date-time' };
const PART: JsonSchema = { type: 'string', enum: [...BUNDLE_PART_NAMES] };
const MINUTES: JsonSchema = { type: 'integer', minimum: 0, description: 'Working minutes from the bundle clock start (office hours on working days)' };
const ORDER_ID: JsonSchema = { type: 'string', minLength: 1, description: 'The seal order id: `<credit code>-seals`' };
const MAKER_ID: JsonSchema = { type: 'string', minLength: 1, description: 'Seal maker (刻章企业) id on the roster' };

export interface SetupBundleOpenedData {
  uscc: string;
  /** The opted-in parts (licence and tax always). */
  parts: BundlePartName[];
  clockStartedAt: string;
  /** The 0.5-day target (4 working hours) from the clock start. */
  targetDueAt: string;
  /** The bank and branch chosen on the form, when the bank part is opted in (the bank presets the number from this). */
  bank?: { bankCode: string; branchCode: string };
}

/** §5, §11: the setup bundle was opened at registration; the agencies act on their parts from here. */
export const SetupBundleOpened = defineEvent<SetupBundleOpenedData>({
  name: 'registration.setup_bundle.opened',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary:
    'The setup bundle 照章税保金银 was opened with the company registration: one part per opted-in component, a 0.5-day clock. Social-insurance, housing-fund and bank systems start their part from this event and call back through the REST API.',
  schema: {
    type: 'object',
    required: ['uscc', 'parts', 'clockStartedAt', 'targetDueAt'],
    properties: {
      uscc: USCC,
      parts: { type: 'array', minItems: 1, uniqueItems: true, items: PART },
      clockStartedAt: INSTANT,
      targetDueAt: INSTANT,
      bank: {
        type: 'object',
        required: ['bankCode', 'branchCode'],
        properties: { bankCode: { type: 'string', minLength: 1 }, branchCode: { type: 'string', minLength: 1 } },
      },
    },
  },
  example: {
    uscc: '91440104MA00001B3B',
    parts: ['LICENCE', 'SEALS', 'TAX', 'SOCIAL_INSURANCE', 'HOUSING_FUND', 'BANK'],
    clockStartedAt: '2026-11-23T02:00:00.000Z',
    targetDueAt: '2026-11-23T07:00:00.000Z',
    bank: { bankCode: 'ICBC', branchCode: 'GZ-001' },
  },
});

export interface SetupBundlePartCompletedData {
  uscc: string;
  part: BundlePartName;
  elapsedWorkingMinutes: number;
  withinTarget: boolean;
}

/** A part of the bundle is done (licence issued, seals handed over, tax set up, confirmed, number preset). */
export const SetupBundlePartCompleted = defineEvent<SetupBundlePartCompletedData>({
  name: 'registration.setup_bundle.part_completed',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'One part of the setup bundle is done, with the working minutes it took from the bundle clock start and whether that was within the 0.5-day target.',
  schema: {
    type: 'object',
    required: ['uscc', 'part', 'elapsedWorkingMinutes', 'withinTarget'],
    properties: { uscc: USCC, part: PART, elapsedWorkingMinutes: MINUTES, withinTarget: { type: 'boolean' } },
  },
  example: { uscc: '91440104MA00001B3B', part: 'SOCIAL_INSURANCE', elapsedWorkingMinutes: 35, withinTarget: true },
});

export interface SetupBundleCompletedData {
  uscc: string;
  /** Always `ALL`. */
  part: 'ALL';
  elapsedWorkingMinutes: number;
  withinTarget: boolean;
}

/** The last opted-in part is done: the bundle is COMPLETED (within 0.5 day) or COMPLETED_LATE. */
export const SetupBundleCompleted = defineEvent<SetupBundleCompletedData>({
  name: 'registration.setup_bundle.completed',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'Every opted-in part of the setup bundle is done; withinTarget false means it completed late (over 0.5 day of working time).',
  schema: {
    type: 'object',
    required: ['uscc', 'elapsedWorkingMinutes', 'withinTarget'],
    properties: { uscc: USCC, part: { type: 'string', enum: ['ALL'] }, elapsedWorkingMinutes: MINUTES, withinTarget: { type: 'boolean' } },
  },
  example: { uscc: '91440104MA00001B3B', part: 'ALL', elapsedWorkingMinutes: 180, withinTarget: true },
});

export interface SealOrderDispatchedData {
  orderId: string;
  uscc: string;
  makerId: string;
  dueAt: string;
}

/** The free seal order went to the next maker in turn; the maker delivers to the window within 1 hour. */
export const SealOrderDispatched = defineEvent<SealOrderDispatchedData>({
  name: 'registration.seal_order.dispatched',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary:
    'The free seal order (company, finance, invoice and legal-representative seals) was dispatched to the seal maker whose turn it is (round-robin); due at the window 1 hour later. The maker confirms delivery through the REST API.',
  schema: {
    type: 'object',
    required: ['orderId', 'uscc', 'makerId', 'dueAt'],
    properties: { orderId: ORDER_ID, uscc: USCC, makerId: MAKER_ID, dueAt: INSTANT },
  },
  example: { orderId: '91440104MA00001B3B-seals', uscc: '91440104MA00001B3B', makerId: 'SM-GZ-001', dueAt: '2026-11-23T03:00:00.000Z' },
});

export interface SealOrderLatenessData {
  orderId: string;
  makerId: string;
  dueAt: string;
  late: boolean;
  /** The maker's late deliveries in the calendar year, this one included. */
  yearlyLateCount: number;
}

const LATENESS_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['orderId', 'makerId', 'dueAt', 'late', 'yearlyLateCount'],
  properties: { orderId: ORDER_ID, makerId: MAKER_ID, dueAt: INSTANT, late: { type: 'boolean' }, yearlyLateCount: { type: 'integer', minimum: 0 } },
};

export const SealOrderDelivered = defineEvent<SealOrderLatenessData>({
  name: 'registration.seal_order.delivered',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'The assigned maker delivered the seals to the window, on time or late (late deliveries count against the maker for the year).',
  schema: LATENESS_SCHEMA,
  example: { orderId: '91440104MA00001B3B-seals', makerId: 'SM-GZ-001', dueAt: '2026-11-23T03:00:00.000Z', late: false, yearlyLateCount: 0 },
});

export const SealOrderOverdue = defineEvent<SealOrderLatenessData>({
  name: 'registration.seal_order.overdue',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: "The 1-hour delivery clock ran out before delivery: one late delivery counted against the maker for the year (the delivery itself is not counted again).",
  schema: LATENESS_SCHEMA,
  example: { orderId: '91440104MA00001B3B-seals', makerId: 'SM-GZ-001', dueAt: '2026-11-23T03:00:00.000Z', late: true, yearlyLateCount: 1 },
});

export interface SealMakerSanctionedData {
  makerId: string;
  year: number;
  yearlyLateCount: number;
}

const SANCTION_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['makerId', 'year', 'yearlyLateCount'],
  properties: { makerId: MAKER_ID, year: { type: 'integer', minimum: 2000 }, yearlyLateCount: { type: 'integer', minimum: 1 } },
};

export const SealMakerWarned = defineEvent<SealMakerSanctionedData>({
  name: 'registration.seal_maker.warned',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'A seal maker reached 3 late deliveries in the year: warned that its agreement may be suspended (002 L1925).',
  schema: SANCTION_SCHEMA,
  example: { makerId: 'SM-GZ-001', year: 2026, yearlyLateCount: 3 },
});

export const SealMakerDisqualified = defineEvent<SealMakerSanctionedData>({
  name: 'registration.seal_maker.disqualified',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'A seal maker reached 5 late deliveries in the year: out of the rotation for the rest of the year (002 L1925).',
  schema: SANCTION_SCHEMA,
  example: { makerId: 'SM-GZ-001', year: 2026, yearlyLateCount: 5 },
});

export interface BankAccountData {
  uscc: string;
  bankCode: string;
  /** The account number, masked (last 4 digits). */
  accountRef: string;
}

const BANK_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['uscc', 'bankCode', 'accountRef'],
  properties: { uscc: USCC, bankCode: { type: 'string', minLength: 1 }, accountRef: { type: 'string', minLength: 1, description: 'Masked account number' } },
};
const BANK_EXAMPLE: BankAccountData = { uscc: '91440104MA00001B3B', bankCode: 'ICBC', accountRef: '************3456' };

export const BankAccountPreset = defineEvent<BankAccountData>({
  name: 'registration.bank_account.preset',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: "The bank pre-assigned the company's basic account number (the bank part of the bundle is done); activation follows due diligence.",
  schema: BANK_SCHEMA,
  example: BANK_EXAMPLE,
});

export const BankAccountActivated = defineEvent<BankAccountData>({
  name: 'registration.bank_account.activated',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'The bank activated the preset account after AML/CTF due diligence (outside the bundle clock).',
  schema: BANK_SCHEMA,
  example: BANK_EXAMPLE,
});

export const BankAccountDeclined = defineEvent<BankAccountData>({
  name: 'registration.bank_account.declined',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'The bank declined to activate the preset account after due diligence (the reason stays with the bank and the applicant).',
  schema: BANK_SCHEMA,
  example: BANK_EXAMPLE,
});

/** Every setup-bundle event, in catalogue order. */
export const SETUP_BUNDLE_EVENTS = [
  SetupBundleOpened,
  SetupBundlePartCompleted,
  SetupBundleCompleted,
  SealOrderDispatched,
  SealOrderDelivered,
  SealOrderOverdue,
  SealMakerWarned,
  SealMakerDisqualified,
  BankAccountPreset,
  BankAccountActivated,
  BankAccountDeclined,
];
