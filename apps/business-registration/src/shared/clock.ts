import { Injectable } from '@nestjs/common';

/**
 * "Now" for the annual-report, abnormal-list and forced-exit use cases, whose rules turn on
 * calendar dates (the report window, the day after it, two full years). One injectable, so an
 * e2e test can move it (`jest.spyOn(app.get(Clock), 'now')`) without waiting for 1 January.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
