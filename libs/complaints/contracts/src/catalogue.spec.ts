import { EventCatalogue } from '@one-window/shared/messaging';
import { audienceOf, COMPLAINTS_EVENTS, COMPLAINTS_TOPIC, SubmissionClosed, TicketDispatched, TicketWithdrawn } from '.';

const PERSONAL_KEYS = ['caller', 'callerKey', 'callerRef', 'name', 'phone', 'idNumber', 'email', 'address', 'organisation', 'investigationContinues'];

function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

describe('complaints event contracts (spec §8)', () => {
  const catalogue = new EventCatalogue(COMPLAINTS_EVENTS);

  it('names, versions and the one topic follow the catalogue rules', () => {
    for (const e of COMPLAINTS_EVENTS) {
      expect(e.name).toMatch(/^complaints\.(submission|ticket|knowledge|merge|report|supervision|issue|outage)\.[a-z_]+$/);
      expect(e.type).toBe(`${e.name}.v1`);
      expect(e.topic).toBe(COMPLAINTS_TOPIC);
    }
    expect(new Set(COMPLAINTS_EVENTS.map((e) => e.name)).size).toBe(COMPLAINTS_EVENTS.length);
    const names = COMPLAINTS_EVENTS.map((e) => e.name);
    for (const required of ['submission.received', 'submission.closed', 'ticket.registered', 'ticket.dispatched', 'ticket.accepted', 'ticket.return_requested', 'ticket.return_decided', 'ticket.extended', 'ticket.facts_added', 'ticket.reply_recorded', 'ticket.submitted', 'ticket.audited', 'ticket.rated', 'ticket.rehandling_opened', 'ticket.overdue', 'ticket.deadline_approaching', 'ticket.escalated', 'supervision.opened', 'supervision.responded', 'supervision.closed', 'issue.flagged', 'issue.plan_filed', 'issue.progress_reported', 'issue.finalised', 'outage.declared', 'outage.script_published', 'outage.script_overdue', 'outage.updated', 'outage.update_due', 'outage.recovered', 'ticket.withdrawn', 'ticket.merged', 'ticket.closed']) {
      expect(names).toContain(`complaints.${required}`);
    }
  });

  it('every example validates against its own schema', () => {
    for (const e of COMPLAINTS_EVENTS) expect([e.name, catalogue.validate(e.type, e.example)]).toEqual([e.name, []]);
  });

  it('every event has an audience; integrator events name no personal field in schema or example', () => {
    for (const e of COMPLAINTS_EVENTS) {
      const audience = audienceOf(e.name);
      expect([e.name, audience]).toEqual([e.name, expect.stringMatching(/^(integrator|internal)$/)]);
      expect(e.summary.startsWith(audience === 'integrator' ? '[I]' : '[N]')).toBe(true);
      if (audience !== 'integrator') continue;
      const keys = [...keysOf((e.schema as { properties: object }).properties), ...keysOf(e.example)];
      expect([e.name, keys.filter((k) => PERSONAL_KEYS.includes(k))]).toEqual([e.name, []]);
    }
    expect(Object.keys((TicketWithdrawn.schema as { properties: object }).properties)).not.toContain('investigationContinues');
  });

  it('names what is wrong: an unknown dispatch reason, an unknown close reason', () => {
    expect(catalogue.validate(TicketDispatched.type, { ...TicketDispatched.example, reason: 'WHIM' })).toEqual([expect.stringMatching(/^\/reason must be equal to one of the allowed values/)]);
    expect(catalogue.validate(SubmissionClosed.type, { ...SubmissionClosed.example, reason: 'BORED' })).toEqual([expect.stringMatching(/^\/reason must be equal to one of the allowed values/)]);
  });
});
