import fc from 'fast-check';
import { INVOICE_VAT_RATES } from './amounts';
import { INVOICE_CHAIN_GENESIS, INVOICE_CHAIN_GENESIS_HASH, invoiceChainHeadAfter, verifyInvoiceChain } from './hash-chain';
import { issueInvoice, type IssueInvoiceInput } from './invoice';
import { canonicalInvoiceJson, computeInvoiceHash, type InvoiceDocument } from './invoice-document';
import { BUYER_ID, context, issueChain, ordinaryInput, usccFrom } from './test-fixtures';

/** A decimal ≥ 1 with up to `decimals` decimals. */
function atLeastOne(decimals: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 1, max: 999_999 }), fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: decimals }))
    .map(([whole, fraction]) => (fraction ? `${whole}.${fraction}` : String(whole)));
}

const lineArb = fc.record({
  description: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0),
  quantity: atLeastOne(3),
  unitPrice: atLeastOne(8), // both ≥ 1: a line never rounds to 0.00
  rate: fc.constantFrom(...INVOICE_VAT_RATES),
});
const inputArb: fc.Arbitrary<IssueInvoiceInput> = fc
  .record({
    special: fc.boolean(),
    buyerName: fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim().length > 0),
    lines: fc.array(lineArb, { minLength: 1, maxLength: 4 }),
  })
  .map(({ special, buyerName, lines }) =>
    ordinaryInput({
      kind: special ? 'DIGITAL_SPECIAL' : 'DIGITAL_ORDINARY',
      buyer: { taxpayerId: BUYER_ID, name: buyerName },
      lines,
    }),
  );
const chainArb = fc.array(inputArb, { minLength: 1, maxLength: 6 }).map((inputs) => issueChain(inputs).map((i) => i.document));

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** Every path to a leaf (string / number) of a document. */
function leafPaths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...prefix, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  return [prefix];
}

/** A copy with the leaf at `path` changed (digits shifted, text extended, numbers incremented). */
function alter(document: InvoiceDocument, path: (string | number)[]): InvoiceDocument {
  const copy = JSON.parse(JSON.stringify(document)) as Record<string | number, Json>;
  let node: Record<string | number, Json> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const key = path[path.length - 1];
  const leaf = node[key];
  if (typeof leaf === 'number') node[key] = leaf + 1;
  else if (typeof leaf === 'string' && /\d$/.test(leaf)) node[key] = leaf.slice(0, -1) + String((Number(leaf.slice(-1)) + 1) % 10);
  else node[key] = `${String(leaf)}x`;
  return copy as unknown as InvoiceDocument;
}

describe('per-issuer hash chain (税链, §5.3 L103)', () => {
  it('canonical JSON sorts keys, drops undefined, refuses floats', () => {
    expect(
      canonicalInvoiceJson({
        b: 1,
        a: ['x', { d: null, c: true }],
        e: undefined,
      }),
    ).toBe('{"a":["x",{"c":true,"d":null}],"b":1}');
    expect(() => canonicalInvoiceJson({ x: 0.1 })).toThrow(RangeError);
    expect(() => canonicalInvoiceJson({ x: new Date() })).toThrow(RangeError);
  });

  it('links each invoice to the previous one from the genesis hash', () => {
    const docs = issueChain([ordinaryInput(), ordinaryInput(), ordinaryInput()]).map((i) => i.document);
    expect(docs.map((d) => d.chainSequence)).toEqual([1, 2, 3]);
    expect(docs[0].prevHash).toBe(INVOICE_CHAIN_GENESIS_HASH);
    expect(docs[1].prevHash).toBe(docs[0].hash);
    expect(docs[2].prevHash).toBe(docs[1].hash);
    expect(new Set(docs.map((d) => d.hash)).size).toBe(3);
    expect(verifyInvoiceChain(docs)).toEqual({
      valid: true,
      problems: [],
      head: invoiceChainHeadAfter(docs[2]),
    });
    expect(verifyInvoiceChain([])).toEqual({
      valid: true,
      problems: [],
      head: INVOICE_CHAIN_GENESIS,
    });
  });

  it('verifies a segment from an anchor', () => {
    const docs = issueChain([ordinaryInput(), ordinaryInput(), ordinaryInput()]).map((i) => i.document);
    expect(verifyInvoiceChain(docs.slice(1), invoiceChainHeadAfter(docs[0])).valid).toBe(true);
    expect(verifyInvoiceChain(docs.slice(1)).problems.map((p) => p.problem)).toEqual(['BROKEN_LINK', 'SEQUENCE_GAP']);
  });

  it('names missing, reordered and foreign links', () => {
    const docs = issueChain([ordinaryInput(), ordinaryInput(), ordinaryInput(), ordinaryInput()]).map((i) => i.document);
    expect(verifyInvoiceChain([docs[0], docs[2], docs[3]]).problems).toEqual([
      { index: 1, invoiceNo: docs[2].invoiceNo, problem: 'BROKEN_LINK' },
      { index: 1, invoiceNo: docs[2].invoiceNo, problem: 'SEQUENCE_GAP' },
    ]);
    expect(verifyInvoiceChain([docs[0], docs[2], docs[1], docs[3]]).valid).toBe(false);
    const otherIssuer = usccFrom('91440300MA5DDDDD4');
    const foreign = issueInvoice(
      ordinaryInput({ seller: { taxpayerId: otherIssuer, name: '深圳公司' } }),
      context({ serial: 99, chainHead: invoiceChainHeadAfter(docs[0]) }),
    ).aggregate.document;
    expect(verifyInvoiceChain([docs[0], foreign]).problems.map((p) => p.problem)).toEqual(['ISSUER_MISMATCH']);
  });

  it('reports a tampered amount even when the hash is recomputed, as a totals mismatch and a broken successor link', () => {
    const docs = issueChain([ordinaryInput(), ordinaryInput()]).map((i) => i.document);
    const forged = { ...docs[0], amount: '1.00' };
    const resealed = { ...forged, hash: computeInvoiceHash(forged) };
    expect(verifyInvoiceChain([resealed, docs[1]]).problems.map((p) => [p.index, p.problem])).toEqual([
      [0, 'TOTALS_MISMATCH'],
      [1, 'BROKEN_LINK'],
    ]);
  });

  it('property: any generated sequence verifies', () => {
    fc.assert(
      fc.property(chainArb, (docs) => verifyInvoiceChain(docs).valid),
      { numRuns: 60 },
    );
  });

  it('property: altering any field of any invoice breaks verification', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), fc.nat(), (docs, i, p) => {
        const index = i % docs.length;
        const paths = leafPaths(docs[index] as unknown as Json);
        const path = paths[p % paths.length];
        const tampered = docs.map((d, k) => (k === index ? alter(d, path) : d));
        const result = verifyInvoiceChain(tampered);
        return !result.valid && result.problems.some((pr) => pr.index === index || pr.index === index + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('property: adding a field, dropping a line or dropping an invoice breaks verification', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), fc.constantFrom('add', 'dropLine', 'dropInvoice'), (docs, i, how) => {
        const index = i % docs.length;
        const d = docs[index];
        let tampered: InvoiceDocument[];
        if (how === 'add') tampered = docs.map((x) => (x === d ? { ...x, buyer: { ...x.buyer, email: 'x@y.cn' } } : x));
        else if (how === 'dropLine') tampered = docs.map((x) => (x === d ? { ...x, lines: x.lines.slice(1) } : x));
        else tampered = docs.filter((x) => x !== d);
        if (how === 'dropInvoice' && index === docs.length - 1) return true; // dropping the head is caught by the anchored head, not the list
        return !verifyInvoiceChain(tampered).valid;
      }),
      { numRuns: 150 },
    );
  });
});
