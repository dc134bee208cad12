/**
 * The per-issuer append-only hash chain of invoices (税链 idea, tax.md §5.3 L103, 003 L51 #13):
 * every invoice (blue or red letter) carries `prevHash`, the hash of the issuer's previous
 * invoice, and `hash` = SHA-256 of its own canonical content including prevHash. Periodic anchoring
 * [cfg] publishes a head (sequence, hash) elsewhere; a segment is then verified from that anchor.
 */
import { computeInvoiceHash, invoiceTotalsProblems, type InvoiceDocument } from './invoice-document';

/** prevHash of an issuer's first invoice. */
export const INVOICE_CHAIN_GENESIS_HASH = '0'.repeat(64);

/** The head of an issuer's chain: what the next invoice links to. */
export interface InvoiceChainHead {
  readonly lastSequence: number;
  readonly lastHash: string;
}

export const INVOICE_CHAIN_GENESIS: InvoiceChainHead = {
  lastSequence: 0,
  lastHash: INVOICE_CHAIN_GENESIS_HASH,
};

/** The head after `document` (the app stores it per issuer and passes it to the next issue). */
export function invoiceChainHeadAfter(document: Pick<InvoiceDocument, 'chainSequence' | 'hash'>): InvoiceChainHead {
  return { lastSequence: document.chainSequence, lastHash: document.hash };
}

export type InvoiceChainProblemKind =
  /** The stored hash is not the hash of the content: the invoice was altered. */
  | 'HASH_MISMATCH'
  /** prevHash is not the previous invoice's hash: a link is missing, inserted or reordered. */
  | 'BROKEN_LINK'
  /** The sequence does not follow the previous one. */
  | 'SEQUENCE_GAP'
  /** An invoice of another issuer in this issuer's chain. */
  | 'ISSUER_MISMATCH'
  /** The totals are not the sums of the lines. */
  | 'TOTALS_MISMATCH';

export interface InvoiceChainProblem {
  readonly index: number;
  readonly invoiceNo: string;
  readonly problem: InvoiceChainProblemKind;
}

export interface InvoiceChainVerification {
  readonly valid: boolean;
  readonly problems: readonly InvoiceChainProblem[];
  /** The head after the last invoice checked (the anchor when the list is empty). */
  readonly head: InvoiceChainHead;
}

/**
 * Verifies one issuer's invoices, in chain order, from `anchor` (genesis by default): each hash
 * recomputes, each prevHash is the previous hash, sequences are consecutive, one issuer, totals
 * add up. Reports every problem found; an empty list is valid.
 */
export function verifyInvoiceChain(
  documents: readonly InvoiceDocument[],
  anchor: InvoiceChainHead = INVOICE_CHAIN_GENESIS,
): InvoiceChainVerification {
  const problems: InvoiceChainProblem[] = [];
  let head = anchor;
  const issuerId = documents[0]?.issuerId;
  documents.forEach((document, index) => {
    const report = (problem: InvoiceChainProblemKind) => problems.push({ index, invoiceNo: String(document.invoiceNo), problem });
    let hash: string | undefined;
    try {
      hash = computeInvoiceHash(document);
    } catch {
      hash = undefined;
    }
    if (hash !== document.hash) report('HASH_MISMATCH');
    if (document.prevHash !== head.lastHash) report('BROKEN_LINK');
    if (document.chainSequence !== head.lastSequence + 1) report('SEQUENCE_GAP');
    if (document.issuerId !== issuerId || document.seller?.taxpayerId !== issuerId) report('ISSUER_MISMATCH');
    if (invoiceTotalsProblems(document).length > 0) report('TOTALS_MISMATCH');
    head = { lastSequence: document.chainSequence, lastHash: document.hash };
  });
  return { valid: problems.length === 0, problems, head };
}
