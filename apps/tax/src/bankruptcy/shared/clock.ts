import { Injectable } from '@nestjs/common';

/**
 * "Now" for this part, whose rules turn on calendar months and instants: the re-rating windows
 * (R8.7: apply in March / September, rated in April / October) and the expiry of access grants.
 * One injectable, so an e2e test can move it (`jest.spyOn(app.get(BankruptcyClock), 'now')`)
 * without waiting for March.
 */
@Injectable()
export class BankruptcyClock {
  now(): Date {
    return new Date();
  }
}
