import {
  CompanyAbnormalListed,
  CompanyAbnormalRemoved,
  CompanyChanged,
  CompanyRegistered,
  CompanyRevoked,
  REGISTRATION_SOURCE,
  REGISTRATION_TOPIC,
  type CompanyRegisteredData,
} from '@one-window/business-registration/contracts';
import type { CloudEvent } from '@one-window/shared/messaging';
import { ServiceUnderTest, startServiceUnderTest } from '@one-window/shared/platform';
import { startEventPublisher, testTokens, uniqueName, waitFor, type TestEventPublisher } from '@one-window/shared/testing';
import { AppModule } from '../src/app.module';
import { MARKET_ENTITIES_GROUP } from '../src/market-entities/market-entities.wiring';
import { complaintsService } from '../src/service';
import { complaintsApi } from './complaints-api';

const KNOWN = '91440104MA00001B3B';
const UNKNOWN = '91440106MA0000009X';

/**
 * The market-entity directory (spec §5 enterprise requests: tags "fed by registration/tax events"):
 * business registration's events on the real broker keep it, and a ticket about a company carries
 * what the register says (type, status, abnormal list) before the agent's own tags.
 */
describe('complaints: market-entity tags from business registration events', () => {
  const tokens = testTokens();
  const topicPrefix = `${uniqueName('cme', '-')}.`;
  let svc: ServiceUnderTest;
  let api: ReturnType<typeof complaintsApi>;
  let publisher: TestEventPublisher;

  const handled = (...events: CloudEvent<unknown>[]) =>
    waitFor(async () => {
      const rows: { event_id: string }[] = await svc.dataSource.query(`SELECT event_id FROM messaging_inbox WHERE consumer_group = $1`, [`${topicPrefix}${MARKET_ENTITIES_GROUP}`]);
      return events.every((e) => rows.some((r) => r.event_id.endsWith(e.id))) ? true : undefined;
    }, 30_000);
  const directory = async (uscc: string) => (await svc.dataSource.query(`SELECT name, entity_type, status, abnormal_listing_ids FROM market_entity WHERE uscc = $1`, [uscc]))[0];
  /** A phone submission about the company, registered into one ticket with the agent's tags; the tags the ticket got. */
  async function ticketTags(uscc: string | undefined, given?: string[]): Promise<string[]> {
    const received = await api.post('/submissions', api.who.agent, {
      channel: 'PHONE',
      content: '商场电梯多次困人',
      serviceCode: 'MARKET.CONSUMER',
      area: '440104',
      caller: { name: '李雷', phone: '13900000001' },
      ...(uscc ? { isMarketEntity: true, uscc } : {}),
    });
    expect(received.status).toBe(201);
    const registered = await api.post(`/submissions/${received.body.id}/registration`, api.who.agent, {
      items: [{ type: 'COMPLAINT', scenarioCode: 'MARKET.CONSUMER', ...(given ? { marketEntityTags: given } : {}) }],
    });
    expect(registered.status).toBe(201);
    const event = (await api.outbox(received.body.id)).find((e) => e.type === 'complaints.ticket.registered.v1');
    return event?.data['marketEntityTags'] as string[];
  }

  const registeredData: CompanyRegisteredData = { ...(CompanyRegistered.example as CompanyRegisteredData), uscc: KNOWN, name: '广州市示例商场有限公司', entityType: 'LLC' };

  beforeAll(async () => {
    publisher = await startEventPublisher({ topicPrefix, topics: [REGISTRATION_TOPIC], source: REGISTRATION_SOURCE });
    svc = await startServiceUnderTest(complaintsService, AppModule, { tokens, env: { KAFKA_TOPIC_PREFIX: topicPrefix } });
    api = complaintsApi(svc, tokens);
  }, 120_000);

  afterAll(async () => {
    await publisher?.close();
    await svc?.close();
    tokens.cleanup();
  });

  it('a registered company enters the directory ACTIVE, once however often the event comes; a rename follows', async () => {
    const registered = await publisher.publish(CompanyRegistered, KNOWN, registeredData);
    await publisher.send(REGISTRATION_TOPIC, registered);
    const renamed = await publisher.publish(CompanyChanged, KNOWN, { uscc: KNOWN, changeId: 'ch-1', changes: [{ field: 'name', before: registeredData.name, after: '广州市示例百货有限公司' }], effectiveOn: '2026-12-05' });
    await handled(registered, renamed);
    expect(await directory(KNOWN)).toEqual({ name: '广州市示例百货有限公司', entity_type: 'LLC', status: 'ACTIVE', abnormal_listing_ids: [] });
    expect((await svc.dataSource.query(`SELECT count(*)::int AS n FROM market_entity`))[0].n).toBe(1);
  });

  it("a ticket about it carries the register's tags before the agent's; an unknown credit code is NOT_IN_REGISTER; no credit code, the agent's alone", async () => {
    expect(await ticketTags(KNOWN, ['KEY_ENTERPRISE'])).toEqual(['ENTITY_TYPE:LLC', 'KEY_ENTERPRISE']);
    expect(await ticketTags(UNKNOWN)).toEqual(['NOT_IN_REGISTER']);
    expect(await ticketTags(undefined, ['KEY_ENTERPRISE'])).toEqual(['KEY_ENTERPRISE']);
  });

  it('abnormal listings and revocation show in the tags while they hold; a removed listing no longer does', async () => {
    const listing = (listingId: string) => ({ uscc: KNOWN, listingId, reasonCode: 'UNREACHABLE_AT_ADDRESS' as const, listedOn: '2026-12-01' });
    const first = await publisher.publish(CompanyAbnormalListed, KNOWN, listing('l-1'));
    const second = await publisher.publish(CompanyAbnormalListed, KNOWN, { ...listing('l-2'), reasonCode: 'ANNUAL_REPORT_OVERDUE', reportYear: 2025 });
    const removed = await publisher.publish(CompanyAbnormalRemoved, KNOWN, { ...listing('l-1'), removedOn: '2026-12-04' });
    await handled(first, second, removed);
    expect((await directory(KNOWN)).abnormal_listing_ids).toEqual(['l-2']);
    expect(await ticketTags(KNOWN)).toEqual(['ENTITY_TYPE:LLC', 'ABNORMAL_LISTED']);

    const revoked = await publisher.publish(CompanyRevoked, KNOWN, { uscc: KNOWN, reasonCode: 'FORCED_EXIT', effectiveOn: '2026-12-05' });
    const cleared = await publisher.publish(CompanyAbnormalRemoved, KNOWN, { ...listing('l-2'), removedOn: '2026-12-05' });
    await handled(revoked, cleared);
    expect(await ticketTags(KNOWN, ['ENTITY_STATUS:REVOKED'])).toEqual(['ENTITY_TYPE:LLC', 'ENTITY_STATUS:REVOKED']);
    expect((await svc.dataSource.query(`SELECT count(*)::int AS n FROM messaging_dead_letter`))[0].n).toBe(0);
  });

  it('events about a company the directory never saw registered change nothing', async () => {
    const stray = await publisher.publish(CompanyRevoked, UNKNOWN, { uscc: UNKNOWN, reasonCode: 'FORCED_EXIT', effectiveOn: '2026-12-05' });
    await handled(stray);
    expect(await directory(UNKNOWN)).toBeUndefined();
  });
});
