import { defineEvent, type EventDefinition } from '@one-window/shared/messaging';
import { COMPLAINTS_TOPIC } from '../topic';
import { ID, INSTANT, NULLABLE_INSTANT } from './schema-parts';
import { EVENT_AUDIENCE } from './ticket-events';

/** Data of `complaints.outage.*` (spec §8: unitId, services, startedAt, expectedRecoveryAt). No personal data. */
export interface OutageEventContract {
  noticeId: string;
  jurisdictionId: string;
  unitId: string;
  services: string[];
  startedAt: string;
  expectedRecoveryAt: string | null;
  scriptDueAt: string;
  occurredAt: string;
  onTime?: boolean;
  dueAt?: string;
}

function outageEvent(verb: string, summary: string, example: Partial<OutageEventContract> = {}): EventDefinition<OutageEventContract> {
  const name = `complaints.outage.${verb}`;
  EVENT_AUDIENCE.set(name, 'internal');
  return defineEvent<OutageEventContract>({
    name,
    version: 1,
    topic: COMPLAINTS_TOPIC,
    summary: `[N] ${summary} Keyed by the notice id; subject = notice id.`,
    schema: {
      type: 'object',
      required: ['noticeId', 'jurisdictionId', 'unitId', 'services', 'startedAt', 'expectedRecoveryAt', 'scriptDueAt', 'occurredAt'],
      properties: {
        noticeId: ID,
        jurisdictionId: ID,
        unitId: ID,
        services: { type: 'array', items: ID, minItems: 1 },
        startedAt: INSTANT,
        expectedRecoveryAt: NULLABLE_INSTANT,
        scriptDueAt: { ...INSTANT, description: 'The answer script is due before this instant (1 ND after the start, 002 L1694)' },
        occurredAt: INSTANT,
        onTime: { type: 'boolean', description: 'script_published, updated: before the deadline' },
        dueAt: { ...INSTANT, description: 'update_due: the update is due before this instant' },
      },
    },
    example: {
      noticeId: 'on-5b1c2d3e',
      jurisdictionId: 'CN-44-01',
      unitId: 'GZ-YX-HOUSING',
      services: ['Housing provident fund online withdrawal'],
      startedAt: '2026-10-09T01:30:00.000Z',
      expectedRecoveryAt: '2026-10-09T10:00:00.000Z',
      scriptDueAt: '2026-10-10T16:00:00.000Z',
      occurredAt: '2026-10-09T02:00:00.000Z',
      ...example,
    },
  });
}

export const OutageDeclared = outageEvent('declared', 'A unit declared an outage of its site or app (故障公告): cause, start, affected services, expected recovery, published on its homepage (002 L1694).');
export const OutageScriptPublished = outageEvent('script_published', 'The unit supplied the answer script (应答口径) for the centre; due within 1 ND of the start (002 L1694).', { onTime: true });
export const OutageScriptOverdue = outageEvent('script_overdue', 'The 1-ND deadline for the answer script passed without one (002 L1694); sent once.', { occurredAt: '2026-10-10T16:00:01.000Z' });
export const OutageUpdated = outageEvent('updated', 'The unit updated the centre on the outage; from 2 ND on, with an updated script or call-floor support (002 L1694).', { onTime: true });
export const OutageUpdateDue = outageEvent('update_due', 'The outage has lasted 2 ND or more: a daily update is due (design reminder, once per day, 002 L1694).', {
  occurredAt: '2026-10-11T01:30:00.000Z',
  dueAt: '2026-10-12T01:30:00.000Z',
});
export const OutageRecovered = outageEvent('recovered', 'The unit recovered the service; the outage duties end (002 L1694).');

export const OUTAGE_EVENTS: EventDefinition<unknown>[] = [OutageDeclared, OutageScriptPublished, OutageScriptOverdue, OutageUpdated, OutageUpdateDue, OutageRecovered] as EventDefinition<unknown>[];
