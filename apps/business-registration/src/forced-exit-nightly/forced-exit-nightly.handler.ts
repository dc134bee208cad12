import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ForcedExitCandidateFound, type ForcedExitCandidateFoundData } from '@one-window/business-registration/contracts';
import { nextForcedExitRunAt } from '@one-window/business-registration/domain';
import { AbnormalListingRepository, ForcedExitCandidateRepository, ForcedExitRepository } from '@one-window/business-registration/data-access';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Outbox } from '@one-window/shared/messaging';
import { Timers, type Timer } from '@one-window/shared/scheduling';
import { Clock } from '../shared/clock';
import { ForcedExitCandidates, type ForcedExitCandidate } from '../shared/forced-exit-candidates';

/**
 * The durable timer of the nightly forced-exit rule: one pending at a time (key NIGHTLY_KEY), due at
 * the next 02:00 Asia/Shanghai; payload `{ asOf, authorityCode, afterUscc }` while a night's scan
 * goes on in several firings.
 */
export const FORCED_EXIT_NIGHTLY_TIMER = 'registration.forced_exit.nightly';
export const NIGHTLY_KEY = 'nightly';

/** Listed companies assessed per firing; a longer scan re-arms the timer at once and goes on from the cursor. */
export const NIGHTLY_BATCH = 200;

interface NightlyCursor {
  readonly asOf: string;
  readonly authorityCode: string;
  readonly afterUscc?: string;
}

function cursorOf(payload: Record<string, unknown>): NightlyCursor | undefined {
  const { asOf, authorityCode, afterUscc } = payload;
  if (typeof asOf !== 'string' || typeof authorityCode !== 'string') return undefined;
  return { asOf, authorityCode, ...(typeof afterUscc === 'string' ? { afterUscc } : {}) };
}

/**
 * The nightly forced-exit rule (§8 [design]: "Nightly rule → candidates → officer confirms → notice
 * → revoke"), fired by a durable timer in the poller's transaction (the timer table's row lock makes
 * it once per night however many instances run). For each authority with listed companies, the
 * shared candidate rule (`ForcedExitCandidates`, the domain's `assessForcedExit`) at the night's date
 * (the local date of the firing); each candidate is recorded once per company and night
 * (`forced_exit_candidate`; a re-run of the same night adds nothing) with
 * `registration.forced_exit.candidate_found` — unless it already waits for an officer for the same
 * listing, or the company has a forced-exit case running or one for this listing (it is not
 * proposed again). At most NIGHTLY_BATCH companies per firing; when the night's scan is done the
 * timer re-plans itself at the next 02:00.
 */
@Injectable()
export class ForcedExitNightlyHandler {
  constructor(
    private readonly rule: ForcedExitCandidates,
    private readonly listings: AbnormalListingRepository,
    private readonly candidates: ForcedExitCandidateRepository,
    private readonly cases: ForcedExitRepository,
    private readonly outbox: Outbox,
    private readonly timers: Timers,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  /** `at` defaults to now, and never before the due instant (the database clock said it is due). */
  async execute(timer: Timer, tx: EntityManager, at: Date = new Date(Math.max(this.clock.now().getTime(), timer.dueAt.getTime()))): Promise<{ asOf: string; found: string[] }> {
    const cursor = cursorOf(timer.payload);
    const asOf = cursor?.asOf ?? this.calendar.localDateOf(at).toString();
    const authorities = (await this.listings.listedAuthorities(tx)).filter((a) => !cursor || a >= cursor.authorityCode);
    const found: string[] = [];
    let budget = NIGHTLY_BATCH;
    for (const authorityCode of authorities) {
      let afterUscc = cursor && authorityCode === cursor.authorityCode ? cursor.afterUscc : undefined;
      for (;;) {
        if (budget === 0) {
          await this.timers.schedule(tx, { kind: FORCED_EXIT_NIGHTLY_TIMER, key: NIGHTLY_KEY, dueAt: at, payload: { asOf, authorityCode, ...(afterUscc ? { afterUscc } : {}) } });
          return { asOf, found };
        }
        const scan = await this.rule.scan(tx, { authorityCode, asOf, ...(afterUscc ? { afterUscc } : {}), limit: budget });
        budget -= scan.scanned;
        for (const c of scan.candidates) {
          if (await this.propose(tx, { authorityCode, asOf, at, candidate: c })) found.push(c.uscc);
        }
        if (!scan.more) break;
        afterUscc = scan.lastUscc;
      }
    }
    await this.timers.schedule(tx, { kind: FORCED_EXIT_NIGHTLY_TIMER, key: NIGHTLY_KEY, dueAt: nextForcedExitRunAt(at, this.calendar) });
    return { asOf, found };
  }

  private async propose(
    tx: EntityManager,
    o: { authorityCode: string; asOf: string; at: Date; candidate: ForcedExitCandidate },
  ): Promise<boolean> {
    const c = o.candidate;
    if (await this.candidates.proposedFor(tx, c.uscc, c.listedOn)) return false;
    if (await this.cases.existsFor(tx, c.uscc, c.listedOn)) return false;
    const recorded = await this.candidates.record(tx, {
      uscc: c.uscc,
      asOf: o.asOf,
      authorityCode: o.authorityCode,
      listedOn: c.listedOn,
      fullPeriodFrom: c.fullPeriodFrom,
      reasonCodes: c.reasonCodes,
      ...(c.lastTaxFiledOn ? { lastTaxFiledOn: c.lastTaxFiledOn } : {}),
      foundAt: o.at,
    });
    if (!recorded) return false;
    const data: ForcedExitCandidateFoundData = {
      uscc: c.uscc,
      authorityCode: o.authorityCode,
      asOf: o.asOf,
      listedOn: c.listedOn,
      fullPeriodFrom: c.fullPeriodFrom,
      reasonCodes: [...c.reasonCodes] as ForcedExitCandidateFoundData['reasonCodes'],
      ...(c.lastTaxFiledOn ? { lastTaxFiledOn: c.lastTaxFiledOn } : {}),
    };
    await this.outbox.append(tx, ForcedExitCandidateFound, { aggregateId: c.uscc, data, time: o.at });
    return true;
  }
}

/**
 * Makes sure the nightly timer is pending when the service starts (the first start, or after it was
 * lost): due at the next 02:00 Asia/Shanghai, unless one is pending. It has one key, so instances
 * starting together schedule the same (kind, key), which the timer table keeps once.
 */
@Injectable()
export class ForcedExitNightlyScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(ForcedExitNightlyScheduler.name);

  constructor(
    private readonly timers: Timers,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.ensure();
    } catch (e) {
      this.logger.warn(`forced-exit nightly timer not ensured: ${(e as Error).message}`);
    }
  }

  async ensure(): Promise<void> {
    await this.timers.ensurePending(FORCED_EXIT_NIGHTLY_TIMER, () => ({ key: NIGHTLY_KEY, dueAt: nextForcedExitRunAt(this.clock.now(), this.calendar) }));
  }
}
