import { TaxError } from '../shared/errors';
import { CREDIT_GRADES, effectiveRiskLevel, RISK_LEVELS, type CreditGrade, type ListHit, type RiskLevel } from './credit-risk';
import { TaxOperationBlockedError, TaxOperationWarningNotAcknowledgedError } from './errors';
import { DEFAULT_GATE_MATRIX, enforceGate, gateEvent, gateKeyOperation, type GateDecision, type GateMatrix } from './gate';
import { DEFAULT_KEY_OPERATIONS, isKeyOperation, KEY_OPERATION_CODES, keyOperationListOn, type KeyOperationList } from './key-operations';
import { at, catchError } from './testing';

const REFUND_FRAUD: ListHit = { list: 'REFUND_FRAUD', origin: 'STA', date: '2026-05-10' };
const FALSE_INVOICING: ListHit = { list: 'FALSE_INVOICING', origin: '国家税务总局湖南省税务局', date: '2026-04-01' };
const ARREARS: ListHit = { list: 'ARREARS_ANNOUNCEMENT', origin: 'STA', date: '2026-03-01' };

/** R8.4, written out cell by cell (tax.md §8): the expected value is independent of DEFAULT_GATE_MATRIX. */
const EXPECTED: ReadonlyArray<[CreditGrade, RiskLevel, GateDecision]> = [
  ['A', 'low', 'simplified'],
  ['A', 'medium', 'normal'],
  ['A', 'high', 'warning'],
  ['B', 'low', 'simplified'],
  ['B', 'medium', 'normal'],
  ['B', 'high', 'warning'],
  ['M', 'low', 'normal'],
  ['M', 'medium', 'normal'],
  ['M', 'high', 'warning'],
  ['C', 'low', 'warning'],
  ['C', 'medium', 'warning'],
  ['C', 'high', 'block'],
  ['D', 'low', 'warning'],
  ['D', 'medium', 'warning'],
  ['D', 'high', 'block'],
];

describe('R8.4 gate matrix, cell by cell', () => {
  it('covers all 15 cells', () => {
    expect(EXPECTED).toHaveLength(CREDIT_GRADES.length * RISK_LEVELS.length);
  });

  describe.each(EXPECTED)('%s × %s', (grade, risk, decision) => {
    it.each(KEY_OPERATION_CODES)(`key operation %s → ${decision}`, (operation) => {
      const result = gateKeyOperation(operation, grade, risk, []);
      expect(result).toMatchObject({
        operation,
        decision,
        reasonCode: `CREDIT_${grade}_RISK_${risk.toUpperCase()}`,
        rule: 'R8.4@2026.1',
      });
      expect(result.snapshot).toEqual({
        creditGrade: grade,
        assessedRisk: risk,
        effectiveRisk: risk,
        listHits: [],
        keyOperationsVersion: '2026.1',
        isKeyOperation: true,
      });
      if (decision === 'warning' || decision === 'block') expect(result.howToLift).toEqual(expect.any(String));
      else expect(result.howToLift).toBeUndefined();
    });

    it.each(['FILE_RETURN', 'READ_CREDIT_RESULT', 'ISSUE_DIGITAL_INVOICE'])('non-key operation %s → normal, not gated', (operation) => {
      const result = gateKeyOperation(operation, grade, risk, []);
      expect(result).toMatchObject({ decision: 'normal', reasonCode: 'NOT_KEY_OPERATION', rule: 'R8.3@2026.1' });
      expect(result.howToLift).toBeUndefined();
      expect(result.snapshot.isKeyOperation).toBe(false);
      expect(() => enforceGate(result, false)).not.toThrow();
    });
  });

  it('the two seed corners: A × low simplified, D × high block (000 L2189–2192)', () => {
    expect(gateKeyOperation('REFUND_CLAIM', 'A', 'low', []).decision).toBe('simplified');
    expect(gateKeyOperation('REFUND_CLAIM', 'D', 'high', []).decision).toBe('block');
  });
});

describe('R8.5 high-risk list hits', () => {
  it('a refund-fraud or false-invoicing hit sets risk = high; other lists leave the assessed level', () => {
    expect(effectiveRiskLevel('low', [REFUND_FRAUD])).toBe('high');
    expect(effectiveRiskLevel('medium', [FALSE_INVOICING])).toBe('high');
    expect(effectiveRiskLevel('low', [ARREARS, { list: 'ABNORMAL_ACCOUNT', origin: 'x', date: '2026-01-05' }, { list: 'STA_PENALTY', origin: 'STA', date: '2026-01-05' }])).toBe('low');
  });

  const refundAndInvoiceOps = ['REFUND_CLAIM', 'INVOICE_QUOTA_INCREASE', 'PROXY_INVOICE', 'UKEY_ISSUE'];
  describe.each(CREDIT_GRADES)('grade %s', (grade) => {
    it.each(refundAndInvoiceOps)('blocks %s on a refund-fraud or false-invoicing hit, whatever the grade', (operation) => {
      for (const hit of [REFUND_FRAUD, FALSE_INVOICING]) {
        const result = gateKeyOperation(operation, grade, 'low', [ARREARS, hit]);
        expect(result).toMatchObject({ decision: 'block', reasonCode: `LIST_HIT_${hit.list}`, rule: 'R8.5@2026.1' });
        expect(result.howToLift).toContain(hit.origin);
        expect(result.snapshot.effectiveRisk).toBe('high');
        expect(result.snapshot.assessedRisk).toBe('low');
      }
    });

    it('other key operations follow the matrix with risk = high', () => {
      for (const operation of ['CLEARANCE_ON_THE_SPOT', 'CLEARANCE_COMMITMENT', 'CROSS_REGION_MATTER']) {
        const result = gateKeyOperation(operation, grade, 'low', [REFUND_FRAUD]);
        expect(result.decision).toBe(DEFAULT_GATE_MATRIX.cells[grade].high);
        expect(result.reasonCode).toBe(`CREDIT_${grade}_RISK_HIGH`);
      }
    });
  });

  it('an arrears-announcement hit alone does not block', () => {
    expect(gateKeyOperation('REFUND_CLAIM', 'A', 'low', [ARREARS]).decision).toBe('simplified');
  });
});

describe('enforceGate: block → 403, warning needs acknowledgement → 422', () => {
  it('a block throws tax.operation.blocked with operation, reasonCode, rule, howToLift', () => {
    const error = catchError(() => enforceGate(gateKeyOperation('UKEY_ISSUE', 'C', 'high', []), true));
    expect(error).toBeInstanceOf(TaxOperationBlockedError);
    expect(error).toBeInstanceOf(TaxError);
    expect(error).toMatchObject({
      code: 'tax.operation.blocked',
      details: { operation: 'UKEY_ISSUE', reasonCode: 'CREDIT_C_RISK_HIGH', rule: 'R8.4@2026.1', howToLift: DEFAULT_GATE_MATRIX.howToLift.block },
    });
    expect(JSON.parse(JSON.stringify((error as TaxOperationBlockedError).details))).toEqual((error as TaxOperationBlockedError).details);
  });

  it('a warning throws tax.operation.warning_not_acknowledged unless acknowledged', () => {
    const warning = gateKeyOperation('PROXY_INVOICE', 'M', 'high', []);
    const error = catchError(() => enforceGate(warning, false));
    expect(error).toBeInstanceOf(TaxOperationWarningNotAcknowledgedError);
    expect(error).toMatchObject({ code: 'tax.operation.warning_not_acknowledged', details: { operation: 'PROXY_INVOICE', reasonCode: 'CREDIT_M_RISK_HIGH' } });
    expect(enforceGate(warning, true)).toBe(warning);
  });

  it('simplified and normal pass', () => {
    expect(enforceGate(gateKeyOperation('REFUND_CLAIM', 'A', 'low', []), false).decision).toBe('simplified');
    expect(enforceGate(gateKeyOperation('REFUND_CLAIM', 'M', 'medium', []), false).decision).toBe('normal');
  });
});

describe('gate events (R8.8 audit)', () => {
  it('tax.operation.blocked / tax.operation.warned carry operation, reason code, rule and snapshot; none otherwise', () => {
    const t = at('2026-06-01T10:00');
    expect(gateEvent('91440101MA00000001', t, gateKeyOperation('REFUND_CLAIM', 'D', 'high', []))).toMatchObject({
      type: 'tax.operation.blocked',
      aggregateId: '91440101MA00000001',
      data: { operation: 'REFUND_CLAIM', reasonCode: 'CREDIT_D_RISK_HIGH', rule: 'R8.4@2026.1' },
    });
    expect(gateEvent('tp', t, gateKeyOperation('REFUND_CLAIM', 'C', 'low', []), true)).toMatchObject({ type: 'tax.operation.warned', data: { acknowledged: true } });
    expect(gateEvent('tp', t, gateKeyOperation('REFUND_CLAIM', 'A', 'low', []))).toBeUndefined();
  });
});

describe('versioned data (R8.3 list, R8.4 matrix)', () => {
  const v2: KeyOperationList = { version: '2026.2', effectiveFrom: '2026-07-01', operations: [{ operation: 'REFUND_CLAIM', category: 'refund' }] };

  it('the default key-operation list is the R8.3 default', () => {
    expect(DEFAULT_KEY_OPERATIONS.operations.map((o) => o.operation)).toEqual([...KEY_OPERATION_CODES]);
    expect(isKeyOperation(DEFAULT_KEY_OPERATIONS, 'CROSS_REGION_MATTER')).toBe(true);
  });

  it('picks the version in force on a date', () => {
    const versions = [v2, DEFAULT_KEY_OPERATIONS];
    expect(keyOperationListOn(versions, '2025-12-31')).toBeUndefined();
    expect(keyOperationListOn(versions, '2026-06-30')?.version).toBe('2026.1');
    expect(keyOperationListOn(versions, '2026-07-01')?.version).toBe('2026.2');
  });

  it('an operation dropped from a later version is no longer gated; the result names the versions used', () => {
    const result = gateKeyOperation('UKEY_ISSUE', 'D', 'high', [], { keyOperations: v2 });
    expect(result).toMatchObject({ decision: 'normal', reasonCode: 'NOT_KEY_OPERATION', rule: 'R8.3@2026.2' });
    const matrix: GateMatrix = { ...DEFAULT_GATE_MATRIX, version: '2027.1', cells: { ...DEFAULT_GATE_MATRIX.cells, M: { low: 'normal', medium: 'warning', high: 'block' } } };
    expect(gateKeyOperation('REFUND_CLAIM', 'M', 'high', [], { matrix })).toMatchObject({ decision: 'block', rule: 'R8.4@2027.1' });
  });
});
