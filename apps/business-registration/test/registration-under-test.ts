import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AbnormalListingRepository } from '@one-window/business-registration/data-access';
import { ServiceUnderTest, startServiceUnderTest } from '@one-window/shared/platform';
import { startEventPublisher, testTokens, uniqueName, type TestEventPublisher } from '@one-window/shared/testing';
import { AppModule } from '../src/app.module';
import { businessRegistrationService } from '../src/service';
import { establishmentForm } from './establishment-form';

const PREFIX = '/api/v1/business-registration';
const YX = 'GZ-YX-AMR';

/**
 * The business registration service in process for an e2e test, on its own database and topic
 * prefix, with (when `topics` are asked for) a producer standing in for the relays of the services
 * it follows (tax, bankruptcy). Made at describe time so the test can mint its tokens and take its
 * helpers at once; started and closed by the test:
 *
 *   const r = registrationUnderTest({ topics: [TAX_TOPIC], source: '/one-window/tax' });
 *   const { tokens, http, as, payloads } = r;
 *   let ds: DataSource;
 *   beforeAll(async () => ({ ds } = await r.start()), 90_000);
 *   afterAll(() => r.close());
 *
 * `svc`, `app`, `ds` and `publisher` are there once started.
 */
export interface RegistrationUnderTest {
  readonly svc: ServiceUnderTest;
  readonly app: NestExpressApplication;
  readonly ds: DataSource;
  tokens: ReturnType<typeof testTokens>;
  topicPrefix: string;
  /** Publishes onto the broker under the topic prefix, as another service's relay would; only for the `topics` asked for. */
  readonly publisher: TestEventPublisher;
  /** Starts the publisher (if any) and the service; resolves to the started service for the test's own `app` / `ds`. */
  start(): Promise<{ svc: ServiceUnderTest; app: NestExpressApplication; ds: DataSource }>;
  http(): ReturnType<typeof request>;
  as(token: string): { Authorization: string };
  /** The outbox rows of one type and aggregate, in order: the event id and its payload. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads are read as JSON, like the tests did
  outbox(type: string, aggregateId: string): Promise<{ id: string; payload: Record<string, any> }[]>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  payloads(type: string, aggregateId: string): Promise<Record<string, any>[]>;
  /** Whether the consumer `group` (unprefixed; the platform runs it under the topic prefix) has handled this event. */
  handled(group: string, eventId: string): Promise<boolean>;
  /** Reserves `广州市<tradeName>科技有限公司` for `token`'s applicant and submits the establishment form with it (秒批); returns the USCC. */
  register(tradeName: string, token: string, changes?: object): Promise<string>;
  /** Puts the company on the abnormal list directly (unreachable at its address), as of `listedOn`: the state forced exit starts from. */
  listAbnormal(uscc: string, listedOn: string, ownerId: string): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * `topics` (unprefixed) and `source`: what the publisher stands in for; `topicPrefix`: a unique one
 * unless given (`''` runs on the real topic names, for a test that checks them).
 */
export function registrationUnderTest(
  o: { tokens?: ReturnType<typeof testTokens>; topics?: string[]; source?: string; topicPrefix?: string; env?: Record<string, string> } = {},
): RegistrationUnderTest {
  const tokens = o.tokens ?? testTokens();
  const topicPrefix = o.topicPrefix ?? `${uniqueName('br', '-')}.`;
  let svc: ServiceUnderTest | undefined;
  let publisher: TestEventPublisher | undefined;

  const started = () => {
    if (!svc) throw new Error('registrationUnderTest: start() it first (in beforeAll)');
    return svc;
  };
  const http = () => request(started().app.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const outbox = async (type: string, aggregateId: string) =>
    (await started().dataSource.query(`SELECT id, payload FROM messaging_outbox WHERE type = $1 AND aggregate_id = $2 ORDER BY sequence`, [type, aggregateId])).map(
      (r: { id: string; payload: string }) => ({ id: r.id, payload: JSON.parse(r.payload) }),
    );

  return {
    get svc() {
      return started();
    },
    get app() {
      return started().app;
    },
    get ds() {
      return started().dataSource;
    },
    get publisher() {
      if (!publisher) throw new Error('registrationUnderTest: no publisher without `topics`');
      return publisher;
    },
    tokens,
    topicPrefix,
    start: async () => {
      if (o.topics?.length) publisher = await startEventPublisher({ topicPrefix, topics: o.topics, source: o.source });
      svc = await startServiceUnderTest(businessRegistrationService, AppModule, { tokens, env: { ...(topicPrefix ? { KAFKA_TOPIC_PREFIX: topicPrefix } : {}), ...o.env } });
      return { svc, app: svc.app, ds: svc.dataSource };
    },
    http,
    as,
    outbox,
    payloads: async (type, aggregateId) => (await outbox(type, aggregateId)).map((r: { payload: Record<string, unknown> }) => r.payload),
    handled: async (group, eventId) =>
      (await started().dataSource.query(`SELECT 1 FROM messaging_inbox WHERE consumer_group = $1 AND event_id LIKE $2`, [`${topicPrefix}${group}`, `%${eventId}`])).length > 0,
    register: async (tradeName, token, changes = {}) => {
      const reservation = await http()
        .post(`${PREFIX}/names/reservations`)
        .set(as(token))
        .send({ name: `广州市${tradeName}科技有限公司`, entityType: 'LLC', authorityCode: YX, domicileDivisionCode: '440104', commitmentSigned: true });
      expect(reservation.status).toBe(201);
      const registered = await http().post(`${PREFIX}/applications`).set(as(token)).send(establishmentForm(reservation.body.id, changes));
      expect(registered.body).toMatchObject({ status: 'REGISTERED' });
      return registered.body.uscc as string;
    },
    listAbnormal: (uscc, listedOn, ownerId) =>
      started().dataSource.transaction((tx) =>
        started()
          .app.get(AbnormalListingRepository)
          .insert(tx, {
            id: randomUUID(),
            uscc,
            authorityCode: YX,
            ownerId,
            state: { id: randomUUID(), uscc, reasonCode: 'UNREACHABLE_AT_ADDRESS', status: 'LISTED', listedOn },
            listedBy: { subject: 'officer-yx', role: 'officer' },
            listedAt: new Date(),
            rejections: [],
          }),
      ),
    close: async () => {
      await publisher?.close();
      await svc?.close();
      tokens.cleanup();
    },
  };
}
