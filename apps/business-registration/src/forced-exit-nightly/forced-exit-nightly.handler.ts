import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ForcedExitCandidateFound, type ForcedExitCandidateFoundData } from '@one-window/business-registration/contracts';
import { nextForcedExitRunAt, recheckForcedExitCandidate } from '@one-window/business-registration/domain';
import {
  AbnormalListingRepository,
  CompanyRepository,
  ForcedExitCandidateRepository,
  ForcedExitRepository,
  TaxReturnFilingRepository,
} from '@one-window/business-registration/data-access';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Outbox } from '@one-window/shared/messaging';
import { Timers, type Timer } from '@one-window/shared/scheduling';
import { Clock } from '../shared/clock';
import { ForcedExitCandidateLapses } from '../shared/forced-exit-candidate-lapses';
import { ForcedExitCandidates, type ForcedExitCandidate } from '../shared/forced-exit-candidates';

/**
 * The durable timer of the nightly forced-exit rule: one pending at a time (key NIGHTLY_KEY), due at
 * the next 02:00 Asia/Shanghai; while a night's work goes on in several firings its payload is the
 * cursor: `{ asOf, phase: 'recheck', afterUscc }` re-checking the waiting candidates, then
 * `{ asOf, authorityCode, afterUscc }` looking for new ones.
 */
export const FORCED_EXIT_NIGHTLY_TIMER = 'registration.forced_exit.nightly';
export const NIGHTLY_KEY = 'nightly';

/** Companies re-checked or assessed per firing; a longer night re-arms the timer at once and goes on from the cursor. */
export const NIGHTLY_BATCH = 200;

type NightlyCursor =
  | { readonly phase: 'recheck'; readonly asOf: string; readonly afterUscc?: string }
  | { readonly phase: 'find'; readonly asOf: string; readonly authorityCode: string; readonly afterUscc?: string };

function cursorOf(payload: Record<string, unknown>): NightlyCursor | undefined {
  const { asOf, authorityCode, afterUscc, phase } = payload;
  if (typeof asOf !== 'string') return undefined;
  const after = typeof afterUscc === 'string' ? { afterUscc } : {};
  if (phase === 'recheck') return { phase, asOf, ...after };
  return typeof authorityCode === 'string' ? { phase: 'find', asOf, authorityCode, ...after } : undefined;
}

/**
 * The nightly forced-exit rule (§8 [design]: "Nightly rule → candidates → officer confirms → notice
 * → revoke"), fired by a durable timer in the poller's transaction (the timer table's row lock makes
 * it once per night however many instances run). Two phases, at the night's date (the local date of
 * the firing):
 * 1. re-check: every candidate still waiting for an officer is checked again
 *    (`recheckForcedExitCandidate`: the company still open to forced exit, the same listing, no tax
 *    return filed while listed); one that fails is LAPSED, off the queue, with
 *    `registration.forced_exit.candidate_lapsed` naming why;
 * 2. find: for each authority with listed companies, the shared candidate rule (`ForcedExitCandidates`,
 *    the domain's `assessForcedExit`); each candidate is recorded once per company and night
 *    (`forced_exit_candidate`; a re-run of the same night adds nothing) with
 *    `registration.forced_exit.candidate_found` — unless it already waits for an officer for the same
 *    listing, or the company has a forced-exit case running or one for this listing.
 * At most NIGHTLY_BATCH companies per firing; when the night's work is done the timer re-plans itself
 * at the next 02:00.
 */
@Injectable()
export class ForcedExitNightlyHandler {
  constructor(
    private readonly rule: ForcedExitCandidates,
    private readonly listings: AbnormalListingRepository,
    private readonly candidates: ForcedExitCandidateRepository,
    private readonly cases: ForcedExitRepository,
    private readonly companies: CompanyRepository,
    private readonly filings: TaxReturnFilingRepository,
    private readonly lapses: ForcedExitCandidateLapses,
    private readonly outbox: Outbox,
    private readonly timers: Timers,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  /** Companies re-checked or assessed per firing (NIGHTLY_BATCH; tests make it small to see a night span several firings). */
  batchSize = NIGHTLY_BATCH;

  /** `at` defaults to now, and never before the due instant (the database clock said it is due). */
  async execute(
    timer: Timer,
    tx: EntityManager,
    at: Date = new Date(Math.max(this.clock.now().getTime(), timer.dueAt.getTime())),
  ): Promise<{ asOf: string; found: string[]; lapsed: string[] }> {
    const cursor = cursorOf(timer.payload);
    const asOf = cursor?.asOf ?? this.calendar.localDateOf(at).toString();
    const found: string[] = [];
    const lapsed: string[] = [];
    const goOnAt = (payload: Record<string, unknown>) => this.timers.schedule(tx, { kind: FORCED_EXIT_NIGHTLY_TIMER, key: NIGHTLY_KEY, dueAt: at, payload: { asOf, ...payload } });
    let budget = this.batchSize;

    if (!cursor || cursor.phase === 'recheck') {
      let afterUscc = cursor?.afterUscc;
      for (;;) {
        if (budget === 0) {
          await goOnAt({ phase: 'recheck', ...(afterUscc ? { afterUscc } : {}) });
          return { asOf, found, lapsed };
        }
        const page = await this.candidates.proposedCompanies(tx, { ...(afterUscc ? { afterUscc } : {}), limit: budget });
        budget -= page.length;
        for (const uscc of page) {
          if (await this.recheck(tx, uscc, asOf, at)) lapsed.push(uscc);
        }
        if (page.length === 0 || budget > 0) break;
        afterUscc = page[page.length - 1];
      }
    }

    const from = cursor?.phase === 'find' ? cursor : undefined;
    const authorities = (await this.listings.listedAuthorities(tx)).filter((a) => !from || a >= from.authorityCode);
    for (const authorityCode of authorities) {
      let afterUscc = from && authorityCode === from.authorityCode ? from.afterUscc : undefined;
      for (;;) {
        if (budget === 0) {
          await goOnAt({ authorityCode, ...(afterUscc ? { afterUscc } : {}) });
          return { asOf, found, lapsed };
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
    return { asOf, found, lapsed };
  }

  /** Re-checks the company's waiting candidates at `asOf`; lapses (with the event) the ones that no longer stand. True when any lapsed. */
  private async recheck(tx: EntityManager, uscc: string, asOf: string, at: Date): Promise<boolean> {
    const waiting = await this.candidates.proposedOf(tx, uscc);
    if (waiting.length === 0) return false;
    const company = await this.companies.get(tx, uscc);
    const currentListedOn = (await this.listings.forCompany(tx, uscc, { listedOnly: true }))[0]?.doc.state.listedOn;
    const lastTaxFiledOn = await this.filings.lastFiledOn(tx, uscc, asOf);
    let any = false;
    for (const candidate of waiting) {
      const check = recheckForcedExitCandidate({
        candidateListedOn: candidate.listedOn,
        ...(currentListedOn ? { currentListedOn } : {}),
        entityStatus: company?.doc.status ?? 'DEREGISTERED',
        today: asOf,
        filings: lastTaxFiledOn ? [{ filedOn: lastTaxFiledOn }] : [],
      });
      if (check.stands) continue;
      const lapsed = await this.lapses.lapse(tx, candidate, { asOf, at, reason: check.reason, ...(lastTaxFiledOn ? { taxFiledOn: lastTaxFiledOn } : {}) });
      any = any || lapsed;
    }
    return any;
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
