/** Registration uses the shared money type; a malformed amount here is the domain's InvalidArgumentError. */
import { InvalidAmountError, toFen as sharedToFen } from '@one-window/shared/money';
import { InvalidArgumentError } from './errors';

export { fromFen, isAmount, sumMoney, type Money } from '@one-window/shared/money';

/** Amount in fen (分), exact. */
export function toFen(amount: string): bigint {
  try {
    return sharedToFen(amount);
  } catch (error) {
    if (error instanceof InvalidAmountError) throw new InvalidArgumentError(error.message, { amount });
    throw error;
  }
}
