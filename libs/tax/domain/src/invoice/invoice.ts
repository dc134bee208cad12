/**
 * Fully digital e-invoice (全面数字化电子发票) aggregate, tax.md §5.1 L90–L99 and §5.3 L103.
 * Immutable: `issueInvoice` creates one, every command returns the new aggregate and the events to
 * publish. The hashed InvoiceDocument never changes; status, delivery and reversal sit beside it.
 */
import { moneyFromFen, toFen } from '@one-window/shared/money';
import { timeZoneOf } from '@one-window/shared/calendar';
import type { TaxActor } from '../shared/actors';
import { TaxInvalidArgumentError } from '../shared/errors';
import { create, transition } from '../shared/state-machine';
import {
  compareInvoiceDecimals,
  computeInvoiceLineFen,
  fenToInvoiceAmount,
  isInvoiceDecimal,
  isInvoiceVatRate,
  invoiceLineAmountFen,
  invoiceLineTaxFen,
  parseInvoiceDecimal,
  invoiceAmountFen,
} from './amounts';
import {
  BuyerConfirmationRequiredError,
  CreditNoteNotReversibleError,
  InvoiceQuotaExceededError,
  InvoiceTotalsMismatchError,
  InvoiceValidationError,
  NotInvoiceIssuerError,
  RedLetterAlreadyIssuedError,
  RedLetterExceedsOriginalError,
  type InvoiceFieldIssue,
} from './errors';
import {
  invoiceEvent,
  type InvoiceDeliveredData,
  type InvoiceDeliveryChannel,
  type InvoiceDomainEvent,
  type InvoiceIssuedData,
  type InvoiceOutcome,
  type InvoiceReversedData,
} from './events';
import { INVOICE_CHAIN_GENESIS_HASH, type InvoiceChainHead } from './hash-chain';
import { deriveInvoiceCheckCode, formatInvoiceNumber, isInvoiceTaxpayerId } from './identifiers';
import {
  invoiceCheckCodeContent,
  computeInvoiceHash,
  INVOICE_KINDS,
  invoiceTotalsProblems,
  RED_LETTER_REASONS,
  type InvoiceBuyer,
  type InvoiceDocument,
  type InvoiceKind,
  type InvoiceLine,
  type InvoiceSeller,
  type RedLetterReason,
} from './invoice-document';
import { INVOICE_MACHINE, type InvoiceStatus, type InvoiceTrigger } from './invoice-machine';

/** Limits of the invoice service [cfg]. */
export interface InvoicePolicy {
  /** Delivery to the buyer within N seconds of issue (§5.1 L95: 1 min [cfg]). */
  readonly deliverySeconds: number;
  /** At most N lines on one invoice. */
  readonly maxLines: number;
}

export const DEFAULT_INVOICE_POLICY: InvoicePolicy = {
  deliverySeconds: 60,
  maxLines: 2000,
};

export interface IssueInvoiceLineInput {
  readonly description: string;
  /** 税收分类编码, 19 digits. */
  readonly taxCategoryCode?: string;
  /** Decimal string, > 0. */
  readonly quantity: string;
  /** Decimal string, excl. tax, > 0. */
  readonly unitPrice: string;
  /** Percent, one of INVOICE_VAT_RATES. */
  readonly rate: number;
}

export interface IssueInvoiceInput {
  readonly kind: InvoiceKind;
  readonly seller: InvoiceSeller;
  readonly buyer: InvoiceBuyer;
  readonly lines: readonly IssueInvoiceLineInput[];
}

/** What the app supplies to number, link and sign an invoice. */
export interface InvoiceSealContext {
  readonly at: Date;
  /** 2-digit region code of the issuer's province-level tax bureau. */
  readonly regionCode: string;
  /** 1-digit issuing channel [cfg]; '1' by default. */
  readonly channel?: string;
  /** The next 15-digit serial of the region and year, from the app's allocator. */
  readonly serial: number;
  /** The issuer's chain head: INVOICE_CHAIN_GENESIS for its first invoice. */
  readonly chainHead: InvoiceChainHead;
  /** The bureau's check-code secret [cfg]. */
  readonly checkCodeSecret: string;
  readonly policy?: InvoicePolicy;
}

export interface IssueInvoiceContext extends InvoiceSealContext {
  /** The issuer's remaining quota this month (授信额度), a decimal amount ('100000.00'). */
  readonly remainingQuota: string;
}

export interface InvoiceTransitionRecord {
  readonly at: Date;
  readonly trigger: InvoiceTrigger;
  readonly from: InvoiceStatus | null;
  readonly to: InvoiceStatus;
  readonly actor: TaxActor;
}

export interface InvoiceDelivery {
  readonly channel: InvoiceDeliveryChannel;
  readonly at: Date;
  readonly late: boolean;
}

export interface RedLetterBuyerConfirmation {
  /** The buyer's taxpayer id (红字信息确认单 confirmed in its account). */
  readonly confirmedBy: string;
  readonly confirmedAt: Date;
}

export interface InvoiceReversal {
  readonly creditNoteNo: string;
  readonly scope: 'FULL' | 'PARTIAL';
  readonly reason: RedLetterReason;
  /** Negative, as on the credit note. */
  readonly amount: string;
  readonly tax: string;
  readonly at: Date;
  readonly buyerConfirmation?: RedLetterBuyerConfirmation;
}

export interface InvoiceState {
  readonly document: InvoiceDocument;
  readonly status: InvoiceStatus;
  readonly deliveryDueAt: Date;
  readonly delivery?: InvoiceDelivery;
  readonly reversal?: InvoiceReversal;
  readonly history: readonly InvoiceTransitionRecord[];
}

/** Delivery follows the buyer: its digital tax account when it has a taxpayer id, else e-mail (§5.1 L90, L95). */
export function invoiceDeliveryChannelFor(buyer: InvoiceBuyer): InvoiceDeliveryChannel {
  return buyer.taxpayerId !== undefined ? 'DIGITAL_ACCOUNT' : 'EMAIL';
}

export class Invoice {
  private constructor(readonly state: InvoiceState) {}

  static restore(state: InvoiceState): Invoice {
    return new Invoice(state);
  }

  get invoiceNo(): string {
    return this.state.document.invoiceNo;
  }

  get document(): InvoiceDocument {
    return this.state.document;
  }

  get status(): InvoiceStatus {
    return this.state.status;
  }

  /** A red-letter credit note (negative amounts, references its original). */
  get isCreditNote(): boolean {
    return this.state.document.redLetter !== undefined;
  }

  /** ISSUED → DELIVERED, by the system, to the account or e-mail the buyer data gives. */
  deliver(cmd: { at: Date }): InvoiceOutcome<Invoice> {
    const to = transition(INVOICE_MACHINE, this.state.status, 'deliver', 'system');
    const late = cmd.at.getTime() > this.state.deliveryDueAt.getTime();
    const { document } = this.state;
    const delivery: InvoiceDelivery = {
      channel: invoiceDeliveryChannelFor(document.buyer),
      at: new Date(cmd.at.getTime()),
      late,
    };
    const aggregate = new Invoice({
      ...this.state,
      status: to,
      delivery,
      history: [
        ...this.state.history,
        {
          at: delivery.at,
          trigger: 'deliver',
          from: this.state.status,
          to,
          actor: 'system',
        },
      ],
    });
    const data: InvoiceDeliveredData = {
      invoiceNo: document.invoiceNo,
      issuerId: document.issuerId,
      buyerId: document.buyer.taxpayerId ?? null,
      channel: delivery.channel,
      amount: moneyFromFen(invoiceAmountFen(document.amount)),
      tax: moneyFromFen(invoiceAmountFen(document.tax)),
      hash: document.hash,
      late,
    };
    return {
      aggregate,
      events: [invoiceEvent('tax.invoice.delivered', document.invoiceNo, cmd.at, data)],
    };
  }

  /** Still ISSUED after the delivery limit (for the app's sweeper and the delivery-latency metric, §15). */
  isDeliveryOverdue(at: Date): boolean {
    return this.state.status === 'ISSUED' && at.getTime() > this.state.deliveryDueAt.getTime();
  }
}

// ------------------------------------------------------------------------------------- issue

/**
 * Issues a blue invoice (开具, §5.1 L94): validates every field, computes each line (amount =
 * quantity × unit price half up; tax = amount × rate half up), checks the quota (the total incl.
 * tax must not exceed the remaining quota; equal is allowed), numbers it, derives the check code
 * and links it into the issuer's hash chain. Emits `tax.invoice.issued`.
 */
export function issueInvoice(input: IssueInvoiceInput, context: IssueInvoiceContext): InvoiceOutcome<Invoice> {
  const policy = context.policy ?? DEFAULT_INVOICE_POLICY;
  validateSealContext(context);
  const issues = validateIssueInvoiceInput(input, policy);
  if (issues.length > 0) throw new InvoiceValidationError(issues);

  const lines: InvoiceLine[] = input.lines.map((line, i) => {
    const rate = line.rate as InvoiceLine['rate'];
    const { amountFen, taxFen } = computeInvoiceLineFen({
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      rate,
    });
    return {
      lineNo: i + 1,
      description: line.description,
      ...(line.taxCategoryCode !== undefined ? { taxCategoryCode: line.taxCategoryCode } : {}),
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      rate,
      amount: fenToInvoiceAmount(amountFen),
      tax: fenToInvoiceAmount(taxFen),
    };
  });
  const zero = lines.findIndex((l) => invoiceAmountFen(l.amount) === 0n);
  if (zero >= 0) {
    throw new InvoiceValidationError([
      {
        field: `lines[${zero}]`,
        problem: 'OUT_OF_RANGE',
        message: 'quantity × unit price rounds to 0.00',
      },
    ]);
  }
  const { amount, tax, total } = sumLines(lines);
  if (!/^\d+(\.\d{1,2})?$/.test(context.remainingQuota)) throw new TaxInvalidArgumentError('remainingQuota must be a decimal amount');
  if (total > toFen(context.remainingQuota))
    throw new InvoiceQuotaExceededError(fenToInvoiceAmount(toFen(context.remainingQuota)), fenToInvoiceAmount(total));

  const document = sealDocument(
    {
      kind: input.kind,
      issuerId: input.seller.taxpayerId,
      seller: { taxpayerId: input.seller.taxpayerId, name: input.seller.name },
      buyer: copyBuyer(input.buyer),
      lines,
      amount: fenToInvoiceAmount(amount),
      tax: fenToInvoiceAmount(tax),
      total: fenToInvoiceAmount(total),
    },
    context,
  );
  const invoice = Invoice.restore({
    document,
    status: create(INVOICE_MACHINE, 'issue', 'applicant'),
    deliveryDueAt: new Date(context.at.getTime() + policy.deliverySeconds * 1000),
    history: [
      {
        at: new Date(context.at.getTime()),
        trigger: 'issue',
        from: null,
        to: 'ISSUED',
        actor: 'applicant',
      },
    ],
  });
  return { aggregate: invoice, events: [issuedEvent(document, context.at)] };
}

// -------------------------------------------------------------------------------- red letter

export interface RedLetterLineInput {
  /** The original's line. */
  readonly lineNo: number;
  /** Goods returned: quantity to reverse (decimal, > 0); the amount follows at the original unit price. */
  readonly quantity?: string;
  /** Allowance: amount excl. tax to reverse ('12.34', > 0). Exactly one of quantity / amount. */
  readonly amount?: string;
}

export interface RedLetterInput {
  /** The acting taxpayer: must be the original's issuer. */
  readonly issuerId: string;
  readonly reason: RedLetterReason;
  readonly scope: 'FULL' | 'PARTIAL';
  /** PARTIAL only: the lines and quantities or amounts to reverse (each at most the original). */
  readonly lines?: readonly RedLetterLineInput[];
  /**
   * The buyer has already used the invoice (deducted, booked or reimbursed): from its digital tax
   * account, `DigitalTaxAccount.requiresBuyerConfirmation(invoiceNo)`.
   */
  readonly buyerHasUsed: boolean;
  readonly buyerConfirmation?: RedLetterBuyerConfirmation;
}

export interface RedLetterOutcome {
  /** The original, now REVERSED. */
  readonly original: Invoice;
  /** The red-letter credit note, ISSUED (delivered like any invoice). */
  readonly creditNote: Invoice;
  readonly events: readonly InvoiceDomainEvent[];
}

/**
 * Red-letter reversal (红字, §5.1 L96 [ext]): issues a credit note (an invoice with negative
 * amounts referencing the original, its own number and chain link) and moves the original
 * DELIVERED → REVERSED. Only the issuer; once per original (a second one is refused, partial or
 * not); a partial one may not exceed any original line; the buyer's confirmation is needed when it
 * already used the invoice. No quota is consumed. Emits `tax.invoice.issued` (credit note) and
 * `tax.invoice.reversed` (original).
 */
export function issueRedLetter(original: Invoice, input: RedLetterInput, context: InvoiceSealContext): RedLetterOutcome {
  const policy = context.policy ?? DEFAULT_INVOICE_POLICY;
  const source = original.document;
  if (input.issuerId !== source.issuerId) throw new NotInvoiceIssuerError(source.invoiceNo);
  if (original.isCreditNote) throw new CreditNoteNotReversibleError(source.invoiceNo);
  if (original.state.reversal !== undefined || original.status === 'REVERSED') {
    throw new RedLetterAlreadyIssuedError(source.invoiceNo, original.state.reversal?.creditNoteNo ?? null);
  }
  const to = transition(INVOICE_MACHINE, original.status, 'reverse', 'applicant');
  validateSealContext(context);
  const issues = validateRedLetterInput(input, source);
  if (issues.length > 0) throw new InvoiceValidationError(issues);
  if (input.buyerHasUsed && input.buyerConfirmation === undefined) throw new BuyerConfirmationRequiredError(source.invoiceNo);

  const lines = input.scope === 'FULL' ? fullReversalLines(source) : partialReversalLines(source, input.lines ?? []);
  const { amount, tax, total } = sumLines(lines);
  const document = sealDocument(
    {
      kind: source.kind,
      issuerId: source.issuerId,
      seller: source.seller,
      buyer: source.buyer,
      lines,
      amount: fenToInvoiceAmount(amount),
      tax: fenToInvoiceAmount(tax),
      total: fenToInvoiceAmount(total),
      redLetter: {
        originalInvoiceNo: source.invoiceNo,
        scope: input.scope,
        reason: input.reason,
      },
    },
    context,
  );
  const creditNote = Invoice.restore({
    document,
    status: create(INVOICE_MACHINE, 'issue', 'applicant'),
    deliveryDueAt: new Date(context.at.getTime() + policy.deliverySeconds * 1000),
    history: [
      {
        at: new Date(context.at.getTime()),
        trigger: 'issue',
        from: null,
        to: 'ISSUED',
        actor: 'applicant',
      },
    ],
  });
  const reversal: InvoiceReversal = {
    creditNoteNo: document.invoiceNo,
    scope: input.scope,
    reason: input.reason,
    amount: document.amount,
    tax: document.tax,
    at: new Date(context.at.getTime()),
    ...(input.buyerConfirmation
      ? {
          buyerConfirmation: {
            confirmedBy: input.buyerConfirmation.confirmedBy,
            confirmedAt: new Date(input.buyerConfirmation.confirmedAt.getTime()),
          },
        }
      : {}),
  };
  const reversed = Invoice.restore({
    ...original.state,
    status: to,
    reversal,
    history: [
      ...original.state.history,
      {
        at: reversal.at,
        trigger: 'reverse',
        from: original.status,
        to,
        actor: 'applicant',
      },
    ],
  });
  const reversedData: InvoiceReversedData = {
    invoiceNo: source.invoiceNo,
    issuerId: source.issuerId,
    buyerId: source.buyer.taxpayerId ?? null,
    creditNoteNo: document.invoiceNo,
    scope: input.scope,
    reason: input.reason,
    amount: moneyFromFen(amount),
    tax: moneyFromFen(tax),
    hash: source.hash,
    buyerConfirmed: input.buyerConfirmation !== undefined,
  };
  return {
    original: reversed,
    creditNote,
    events: [issuedEvent(document, context.at), invoiceEvent('tax.invoice.reversed', source.invoiceNo, context.at, reversedData)],
  };
}

function fullReversalLines(source: InvoiceDocument): InvoiceLine[] {
  return source.lines.map((line) => ({
    lineNo: line.lineNo,
    description: line.description,
    ...(line.taxCategoryCode !== undefined ? { taxCategoryCode: line.taxCategoryCode } : {}),
    ...(line.quantity !== undefined ? { quantity: `-${line.quantity}` } : {}),
    ...(line.unitPrice !== undefined ? { unitPrice: line.unitPrice } : {}),
    rate: line.rate,
    amount: fenToInvoiceAmount(-invoiceAmountFen(line.amount)),
    tax: fenToInvoiceAmount(-invoiceAmountFen(line.tax)),
    originalLineNo: line.lineNo,
  }));
}

function partialReversalLines(source: InvoiceDocument, requested: readonly RedLetterLineInput[]): InvoiceLine[] {
  return requested.map((req, i) => {
    const line = source.lines.find((l) => l.lineNo === req.lineNo) as InvoiceLine;
    const originalAmount = invoiceAmountFen(line.amount);
    let amountFen: bigint;
    let byQuantity: { quantity: string; unitPrice: string } | undefined;
    if (req.quantity !== undefined) {
      const originalQuantity = line.quantity ?? '0';
      if (compareInvoiceDecimals(req.quantity, originalQuantity) > 0) {
        throw new RedLetterExceedsOriginalError(source.invoiceNo, line.lineNo, 'quantity', req.quantity, originalQuantity);
      }
      const unitPrice = line.unitPrice ?? '0';
      amountFen = invoiceLineAmountFen(req.quantity, unitPrice);
      byQuantity = { quantity: `-${req.quantity}`, unitPrice };
    } else {
      amountFen = toFen(req.amount as string);
      if (amountFen > originalAmount) {
        throw new RedLetterExceedsOriginalError(source.invoiceNo, line.lineNo, 'amount', fenToInvoiceAmount(amountFen), line.amount);
      }
    }
    if (amountFen === 0n) {
      throw new InvoiceValidationError([
        {
          field: `lines[${i}]`,
          problem: 'OUT_OF_RANGE',
          message: 'the reversed amount rounds to 0.00',
        },
      ]);
    }
    return {
      lineNo: i + 1,
      description: line.description,
      ...(line.taxCategoryCode !== undefined ? { taxCategoryCode: line.taxCategoryCode } : {}),
      ...(byQuantity ?? {}),
      rate: line.rate,
      amount: fenToInvoiceAmount(-amountFen),
      tax: fenToInvoiceAmount(-invoiceLineTaxFen(amountFen, line.rate)),
      originalLineNo: line.lineNo,
    };
  });
}

// ----------------------------------------------------------------------------------- shared

type UnsealedDocument = Omit<InvoiceDocument, 'invoiceNo' | 'issuedAt' | 'issuedOn' | 'checkCode' | 'chainSequence' | 'prevHash' | 'hash'>;

/** Numbers, dates, signs and links the document; asserts the totals invariant. */
function sealDocument(content: UnsealedDocument, context: InvoiceSealContext): InvoiceDocument {
  const issuedOn = timeZoneOf().localDateOf(context.at).toString();
  const invoiceNo = formatInvoiceNumber({
    year: Number(issuedOn.slice(0, 4)),
    regionCode: context.regionCode,
    channel: context.channel ?? '1',
    serial: context.serial,
  });
  const unsigned = {
    invoiceNo,
    ...content,
    issuedAt: context.at.toISOString(),
    issuedOn,
    chainSequence: context.chainHead.lastSequence + 1,
  };
  const checkCode = deriveInvoiceCheckCode(context.checkCodeSecret, invoiceCheckCodeContent(unsigned));
  const linked = {
    ...unsigned,
    checkCode,
    prevHash: context.chainHead.lastHash,
  };
  const document: InvoiceDocument = {
    ...linked,
    hash: computeInvoiceHash(linked),
  };
  const problems = invoiceTotalsProblems(document);
  if (problems.length > 0) throw new InvoiceTotalsMismatchError(invoiceNo, problems);
  return document;
}

function sumLines(lines: readonly InvoiceLine[]): {
  amount: bigint;
  tax: bigint;
  total: bigint;
} {
  const amount = lines.reduce((s, l) => s + invoiceAmountFen(l.amount), 0n);
  const tax = lines.reduce((s, l) => s + invoiceAmountFen(l.tax), 0n);
  return { amount, tax, total: amount + tax };
}

function issuedEvent(document: InvoiceDocument, at: Date): InvoiceDomainEvent<'tax.invoice.issued', InvoiceIssuedData> {
  return invoiceEvent('tax.invoice.issued', document.invoiceNo, at, {
    invoiceNo: document.invoiceNo,
    kind: document.kind,
    issuerId: document.issuerId,
    buyerId: document.buyer.taxpayerId ?? null,
    amount: moneyFromFen(invoiceAmountFen(document.amount)),
    tax: moneyFromFen(invoiceAmountFen(document.tax)),
    total: moneyFromFen(invoiceAmountFen(document.total)),
    hash: document.hash,
    chainSequence: document.chainSequence,
    originalInvoiceNo: document.redLetter?.originalInvoiceNo ?? null,
  });
}

function copyBuyer(buyer: InvoiceBuyer): InvoiceBuyer {
  const optional = ['taxpayerId', 'email', 'address', 'phone', 'bankAccount'] as const;
  const copy: Record<string, string> = { name: buyer.name };
  for (const key of optional) if (buyer[key] !== undefined) copy[key] = buyer[key] as string;
  return copy as unknown as InvoiceBuyer;
}

function validateSealContext(context: InvoiceSealContext): void {
  if (!(context.at instanceof Date) || Number.isNaN(context.at.getTime())) throw new TaxInvalidArgumentError('context.at must be an instant');
  if (!/^\d{2}$/.test(context.regionCode)) throw new TaxInvalidArgumentError('context.regionCode must be 2 digits');
  if (context.channel !== undefined && !/^\d$/.test(context.channel)) throw new TaxInvalidArgumentError('context.channel must be 1 digit');
  if (!Number.isSafeInteger(context.serial) || context.serial < 1 || context.serial > 999_999_999_999_999) {
    throw new TaxInvalidArgumentError('context.serial must be 1..10^15−1');
  }
  const head = context.chainHead;
  if (!Number.isSafeInteger(head.lastSequence) || head.lastSequence < 0 || !/^[0-9a-f]{64}$/.test(head.lastHash)) {
    throw new TaxInvalidArgumentError('context.chainHead must be {lastSequence ≥ 0, lastHash: 64 hex}');
  }
  if (head.lastSequence === 0 && head.lastHash !== INVOICE_CHAIN_GENESIS_HASH) throw new TaxInvalidArgumentError('sequence 0 is the genesis hash');
  if (typeof context.checkCodeSecret !== 'string' || context.checkCodeSecret.length === 0)
    throw new TaxInvalidArgumentError('context.checkCodeSecret is empty');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TAX_CATEGORY_CODE = /^\d{19}$/;
const MAX_TEXT = 300;

function text(issues: InvoiceFieldIssue[], field: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim().length === 0)
    issues.push({
      field,
      problem: 'REQUIRED',
      message: `${field} is required`,
    });
  else if (value.length > MAX_TEXT)
    issues.push({
      field,
      problem: 'OUT_OF_RANGE',
      message: `${field} has more than ${MAX_TEXT} characters`,
    });
}

/** Every bad field of an issue command (empty when valid). */
export function validateIssueInvoiceInput(input: IssueInvoiceInput, policy: InvoicePolicy = DEFAULT_INVOICE_POLICY): InvoiceFieldIssue[] {
  const issues: InvoiceFieldIssue[] = [];
  if (!(INVOICE_KINDS as readonly unknown[]).includes(input?.kind)) {
    issues.push({
      field: 'kind',
      problem: 'NOT_ALLOWED',
      message: `kind must be one of ${INVOICE_KINDS.join(', ')}`,
    });
  }
  const seller = input?.seller;
  if (seller?.taxpayerId === undefined)
    issues.push({
      field: 'seller.taxpayerId',
      problem: 'REQUIRED',
      message: 'seller.taxpayerId is required',
    });
  else if (!isInvoiceTaxpayerId(seller.taxpayerId))
    issues.push({
      field: 'seller.taxpayerId',
      problem: 'FORMAT',
      message: 'not a unified social credit code',
    });
  text(issues, 'seller.name', seller?.name);

  const buyer = input?.buyer;
  text(issues, 'buyer.name', buyer?.name);
  if (buyer?.taxpayerId !== undefined) {
    if (!isInvoiceTaxpayerId(buyer.taxpayerId))
      issues.push({
        field: 'buyer.taxpayerId',
        problem: 'FORMAT',
        message: 'not a unified social credit code',
      });
    else if (buyer.taxpayerId === seller?.taxpayerId)
      issues.push({
        field: 'buyer.taxpayerId',
        problem: 'NOT_ALLOWED',
        message: 'the buyer is the seller',
      });
  } else if (input?.kind === 'DIGITAL_SPECIAL') {
    issues.push({
      field: 'buyer.taxpayerId',
      problem: 'REQUIRED',
      message: 'a special invoice needs the buyer taxpayer id',
    });
  }
  if (buyer?.email !== undefined && (typeof buyer.email !== 'string' || !EMAIL.test(buyer.email))) {
    issues.push({
      field: 'buyer.email',
      problem: 'FORMAT',
      message: 'not an e-mail address',
    });
  } else if (buyer?.email === undefined && buyer?.taxpayerId === undefined) {
    issues.push({
      field: 'buyer.email',
      problem: 'REQUIRED',
      message: 'without a buyer taxpayer id the invoice is delivered by e-mail',
    });
  }
  for (const key of ['address', 'phone', 'bankAccount'] as const) {
    if (buyer?.[key] !== undefined && (typeof buyer[key] !== 'string' || (buyer[key] as string).length > MAX_TEXT)) {
      issues.push({
        field: `buyer.${key}`,
        problem: 'FORMAT',
        message: `buyer.${key} must be text up to ${MAX_TEXT} characters`,
      });
    }
  }

  const lines = input?.lines;
  if (!Array.isArray(lines) || lines.length === 0) {
    issues.push({
      field: 'lines',
      problem: 'REQUIRED',
      message: 'at least one line',
    });
    return issues;
  }
  if (lines.length > policy.maxLines)
    issues.push({
      field: 'lines',
      problem: 'OUT_OF_RANGE',
      message: `at most ${policy.maxLines} lines`,
    });
  lines.forEach((line: IssueInvoiceLineInput, i: number) => {
    const at = `lines[${i}]`;
    text(issues, `${at}.description`, line?.description);
    if (line?.taxCategoryCode !== undefined && (typeof line.taxCategoryCode !== 'string' || !TAX_CATEGORY_CODE.test(line.taxCategoryCode))) {
      issues.push({
        field: `${at}.taxCategoryCode`,
        problem: 'FORMAT',
        message: 'a tax category code has 19 digits',
      });
    }
    for (const key of ['quantity', 'unitPrice'] as const) {
      const value = line?.[key];
      if (value === undefined)
        issues.push({
          field: `${at}.${key}`,
          problem: 'REQUIRED',
          message: `${key} is required`,
        });
      else if (!isInvoiceDecimal(value))
        issues.push({
          field: `${at}.${key}`,
          problem: 'FORMAT',
          message: `${key} must be a decimal string with at most 8 decimals`,
        });
      else if (parseInvoiceDecimal(value).units === 0n)
        issues.push({
          field: `${at}.${key}`,
          problem: 'OUT_OF_RANGE',
          message: `${key} must be greater than 0`,
        });
    }
    if (!isInvoiceVatRate(line?.rate))
      issues.push({
        field: `${at}.rate`,
        problem: 'NOT_ALLOWED',
        message: 'rate must be one of 0, 1, 3, 5, 6, 9, 13 (%)',
      });
  });
  return issues;
}

function validateRedLetterInput(input: RedLetterInput, source: InvoiceDocument): InvoiceFieldIssue[] {
  const issues: InvoiceFieldIssue[] = [];
  if (!(RED_LETTER_REASONS as readonly unknown[]).includes(input.reason)) {
    issues.push({
      field: 'reason',
      problem: 'NOT_ALLOWED',
      message: `reason must be one of ${RED_LETTER_REASONS.join(', ')}`,
    });
  }
  if (input.scope !== 'FULL' && input.scope !== 'PARTIAL')
    issues.push({
      field: 'scope',
      problem: 'NOT_ALLOWED',
      message: 'scope is FULL or PARTIAL',
    });
  if (input.scope === 'PARTIAL' && input.reason === 'ISSUED_IN_ERROR') {
    issues.push({
      field: 'scope',
      problem: 'NOT_ALLOWED',
      message: 'an invoice issued in error is reversed in full',
    });
  }
  if (input.scope === 'FULL' && input.lines !== undefined)
    issues.push({
      field: 'lines',
      problem: 'NOT_ALLOWED',
      message: 'a full reversal takes no lines',
    });
  if (input.buyerConfirmation !== undefined && input.buyerConfirmation.confirmedBy !== source.buyer.taxpayerId) {
    issues.push({
      field: 'buyerConfirmation.confirmedBy',
      problem: 'NOT_ALLOWED',
      message: "the confirmation must come from the invoice's buyer",
    });
  }
  if (input.scope !== 'PARTIAL') return issues;
  if (!Array.isArray(input.lines) || input.lines.length === 0) {
    issues.push({
      field: 'lines',
      problem: 'REQUIRED',
      message: 'a partial reversal names the lines',
    });
    return issues;
  }
  const seen = new Set<number>();
  input.lines.forEach((line, i) => {
    const at = `lines[${i}]`;
    if (!source.lines.some((l) => l.lineNo === line.lineNo))
      issues.push({
        field: `${at}.lineNo`,
        problem: 'NOT_ALLOWED',
        message: `no line ${line.lineNo} on the original`,
      });
    else if (seen.has(line.lineNo))
      issues.push({
        field: `${at}.lineNo`,
        problem: 'DUPLICATE',
        message: `line ${line.lineNo} named twice`,
      });
    seen.add(line.lineNo);
    if ((line.quantity === undefined) === (line.amount === undefined)) {
      issues.push({
        field: at,
        problem: 'REQUIRED',
        message: 'exactly one of quantity or amount',
      });
    } else if (line.quantity !== undefined) {
      if (!isInvoiceDecimal(line.quantity) || parseInvoiceDecimal(line.quantity).units === 0n) {
        issues.push({
          field: `${at}.quantity`,
          problem: 'FORMAT',
          message: 'a decimal greater than 0',
        });
      }
    } else if (typeof line.amount !== 'string' || !/^\d+(\.\d{1,2})?$/.test(line.amount) || toFen(line.amount) === 0n) {
      issues.push({
        field: `${at}.amount`,
        problem: 'FORMAT',
        message: 'an amount greater than 0 with at most 2 decimals',
      });
    }
  });
  return issues;
}
