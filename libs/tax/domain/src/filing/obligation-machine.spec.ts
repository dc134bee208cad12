import { describeMachineExhaustively } from '@one-window/shared/state-machine/testing';
import { TAX_ACTORS } from '../shared/actors';
import { OBLIGATION_MACHINE, obligationStatusCode } from './obligation-machine';

describeMachineExhaustively(OBLIGATION_MACHINE, TAX_ACTORS);

describe('obligation status codes', () => {
  it('shows OPEN as O and FULFILLED as F (HMRC MTD)', () => {
    expect(obligationStatusCode('OPEN')).toBe('O');
    expect(obligationStatusCode('FULFILLED')).toBe('F');
  });
});
