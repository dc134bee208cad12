import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { LicenceIssued, LicenceUpdated, LicenceVoided, REGISTRATION_EVENTS, REGISTRATION_TOPIC } from '@one-window/business-registration/contracts';
import { AbnormalListingRepository } from '@one-window/business-registration/data-access';
import { createKafka, EventCatalogue, fromKafkaRecord, type CloudEvent } from '@one-window/shared/messaging';
import type { Timer } from '@one-window/shared/scheduling';
import { testInfra, waitFor } from '@one-window/shared/testing';
import { RevokeForcedExitHandler } from '../src/revoke-forced-exit/revoke-forced-exit.handler';
import { FORCED_EXIT_NOTICE_TIMER } from '../src/shared/forced-exit-desk';
import { establishmentForm } from './establishment-form';
import { registrationUnderTest } from './registration-under-test';

const PREFIX = '/api/v1/business-registration';
const YX = 'GZ-YX-AMR';

interface Received {
  readonly key: string | undefined;
  readonly event: CloudEvent<unknown>;
}

/**
 * The e-licence's events (§4, §11): `registration.licence.issued` with version 1 at establishment,
 * `.updated` when a change re-issues it, `.voided` when the company is deregistered or revoked by
 * forced exit; each in the outbox with the licence change (same transaction), relayed to the real
 * broker keyed by the credit code, and agreeing with the public verification.
 */
describe('business registration: e-licence events issued / updated / voided (e2e)', () => {
  const r = registrationUnderTest();
  const { tokens, topicPrefix, http, as } = r;
  const catalogue = new EventCatalogue(REGISTRATION_EVENTS);
  let app: NestExpressApplication;
  let ds: DataSource;

  const founder = tokens.token({ sub: 'lic-founder-1', roles: ['applicant'] });
  const officerYx = tokens.token({ sub: 'officer-yx', roles: ['officer'], agency_id: YX });
  const court = tokens.token({ sub: 'gz-intermediate-court', roles: ['court'] });

  // What reached the broker on the service's topic, read by an observer of our own from the beginning.
  const kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: `e2e-observer-${topicPrefix}`, log: () => undefined });
  const observer = kafka.consumer({ groupId: `${topicPrefix}licence-observer`, maxWaitTimeInMs: 500 });
  const received: Received[] = [];

  beforeAll(async () => {
    ({ app, ds } = await r.start());
    // The service created its topic at start.
    await observer.connect();
    await observer.subscribe({ topic: `${topicPrefix}${REGISTRATION_TOPIC}`, fromBeginning: true });
    await observer.run({
      eachMessage: async ({ message }) => {
        received.push({ key: message.key?.toString(), event: fromKafkaRecord(message.headers ?? {}, message.value) });
      },
    });
  }, 90_000);

  afterAll(async () => {
    await observer.disconnect();
    await r.close();
  });

  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const yearsAgo = (n: number) => {
    const d = new Date(Date.now() + 8 * 3_600_000);
    d.setUTCFullYear(d.getUTCFullYear() - n);
    return d.toISOString().slice(0, 10);
  };
  const reserve = (tradeName: string) =>
    http()
      .post(`${PREFIX}/names/reservations`)
      .set(as(founder))
      .send({ name: `广州市${tradeName}科技有限公司`, entityType: 'LLC', authorityCode: YX, domicileDivisionCode: '440104', commitmentSigned: true });
  const register = async (tradeName: string, changes: object = {}) => {
    const reservation = await reserve(tradeName);
    expect(reservation.status).toBe(201);
    const registered = await http().post(`${PREFIX}/applications`).set(as(founder)).send(establishmentForm(reservation.body.id, changes));
    expect(registered.body).toMatchObject({ status: 'REGISTERED' });
    return { uscc: registered.body.uscc as string, applicationId: registered.body.id as string };
  };
  /** The licence events of one company in the outbox, in order: id, key and payload (checked against the contract). */
  const licenceOutbox = async (uscc: string): Promise<{ id: string; type: string; payload: Record<string, unknown> }[]> => {
    const rows: { id: string; type: string; aggregate_id: string; payload: string }[] = await ds.query(
      `SELECT id, type, aggregate_id, payload FROM messaging_outbox WHERE type LIKE 'registration.licence.%' AND payload::jsonb->>'uscc' = $1 ORDER BY sequence`,
      [uscc],
    );
    return rows.map((r) => {
      expect(r.aggregate_id).toBe(uscc);
      const payload = JSON.parse(r.payload) as Record<string, unknown>;
      expect({ type: r.type, problems: catalogue.validate(r.type, payload) }).toEqual({ type: r.type, problems: [] });
      return { id: r.id, type: r.type, payload };
    });
  };
  const ofType = async (type: string, uscc: string) => (await licenceOutbox(uscc)).filter((e) => e.type === type);
  /** Waits until the event with this CloudEvents id was read from the broker; returns it with its key. */
  const onBroker = (eventId: string) => waitFor(() => received.find((r) => r.event.id === eventId), 30_000);
  const licenceOf = async (uscc: string) => {
    const res = await http().get(`${PREFIX}/companies/${uscc}/licence`).set(as(founder));
    expect(res.status).toBe(200);
    return res.body as { id: string; version: number; token: string };
  };
  const verified = async (token: string) => (await http().post(`${PREFIX}/public/licence-verifications`).send({ token })).body.status as string;
  const deregisterByCourt = async (uscc: string, ruling: string) => {
    const applied = await http().post(`${PREFIX}/companies/${uscc}/deregistrations`).set(as(court)).send({ route: 'COURT', courtRulingRef: ruling });
    expect(applied.status).toBe(201);
    const approved = await http().post(`${PREFIX}/companies/${uscc}/deregistrations/${applied.body.id}/decision`).set(as(officerYx)).send({ outcome: 'APPROVE' });
    expect(approved.body).toMatchObject({ status: 'DEREGISTERED' });
    return applied.body.id as string;
  };

  describe('a company that changes its name and is then deregistered', () => {
    let uscc: string;
    let applicationId: string;
    let v1: { id: string; version: number; token: string };
    let v2: { id: string; version: number; token: string };

    it('registering puts exactly one registration.licence.issued in the outbox: the licence’s id, version 1, the joint issue from the form; it reaches the broker keyed by the credit code', async () => {
      ({ uscc, applicationId } = await register('启明'));
      v1 = await licenceOf(uscc);
      expect(v1.version).toBe(1);

      const events = await licenceOutbox(uscc);
      expect(events.map((e) => e.type)).toEqual([LicenceIssued.type]);
      const [issued] = events;
      expect(issued.payload).toEqual({
        uscc,
        eLicenceId: v1.id,
        version: 1,
        issuedAt: expect.any(String),
        applicationId,
        // establishmentForm opts in to seals and declares invoice needs
        jointIssue: { eSeal: true, eInvoice: true },
      });
      const claims = JSON.parse(Buffer.from(v1.token.split('.')[1], 'base64url').toString());
      expect(issued.payload['issuedAt']).toBe(claims.issuedAt);

      const relayed = await onBroker(issued.id);
      expect(relayed.key).toBe(uscc);
      expect(relayed.event).toMatchObject({ type: LicenceIssued.type, subject: uscc, data: issued.payload });
      expect(await verified(v1.token)).toBe('valid');
    });

    it('a change the licence does not show (capital) re-issues nothing; a new name and legal representative give .updated: version 2, the superseded id, the change id', async () => {
      const capital = await http().post(`${PREFIX}/companies/${uscc}/changes`).set(as(founder)).send({ resolutionOn: today(), capital: { amount: '2000000.00', currency: 'CNY' } });
      expect(capital.status).toBe(201);
      expect(capital.body.licenceVersion).toBeUndefined();
      expect((await licenceOutbox(uscc)).map((e) => e.type)).toEqual([LicenceIssued.type]);

      const reservation = await reserve('启航');
      expect(reservation.status).toBe(201);
      const renamed = await http().post(`${PREFIX}/companies/${uscc}/changes`).set(as(founder)).send({ resolutionOn: today(), nameReservationId: reservation.body.id, legalRepRef: 'p-b' });
      expect(renamed.status).toBe(201);
      expect(renamed.body.licenceVersion).toBe(2);
      v2 = await licenceOf(uscc);
      expect(v2.version).toBe(2);
      expect(v2.id).not.toBe(v1.id);

      const updated = await ofType(LicenceUpdated.type, uscc);
      expect(updated.map((e) => e.payload)).toEqual([
        { uscc, eLicenceId: v2.id, version: 2, updatedAt: expect.any(String), supersedes: { eLicenceId: v1.id, version: 1 }, changeId: renamed.body.changeId },
      ]);
      // the same change id as the company event of that change
      const changed = (await ds.query(`SELECT payload FROM messaging_outbox WHERE type = 'registration.company.changed.v1' AND aggregate_id = $1 ORDER BY sequence`, [uscc])).map(
        (r: { payload: string }) => JSON.parse(r.payload).changeId,
      );
      expect(changed).toEqual([capital.body.changeId, renamed.body.changeId]);
      expect(await ofType(LicenceIssued.type, uscc)).toHaveLength(1);

      expect((await onBroker(updated[0].id)).key).toBe(uscc);
      // verification agrees: the version the event supersedes is superseded, the new one valid
      expect(await verified(v1.token)).toBe('superseded');
      expect(await verified(v2.token)).toBe('valid');
    });

    it('deregistration (court route, approved) gives .voided for version 2, reason DEREGISTERED with the deregistration id; verification answers revoked', async () => {
      const deregistrationId = await deregisterByCourt(uscc, '(2027)粤01破21号');
      const voided = await ofType(LicenceVoided.type, uscc);
      expect(voided.map((e) => e.payload)).toEqual([{ uscc, eLicenceId: v2.id, version: 2, voidedAt: expect.any(String), reason: 'DEREGISTERED', causeId: deregistrationId }]);
      expect(await verified(v2.token)).toBe('revoked');
      expect(await verified(v1.token)).toBe('superseded');
      expect(await ds.query(`SELECT licence_version, status FROM licence WHERE uscc = $1 ORDER BY licence_version`, [uscc])).toEqual([
        { licence_version: 1, status: 'SUPERSEDED' },
        { licence_version: 2, status: 'REVOKED' },
      ]);

      // On the broker, in order under the company's key: issued, updated, voided.
      await onBroker(voided[0].id);
      const onKey = received.filter((r) => r.key === uscc && r.event.type.startsWith('registration.licence.'));
      expect(onKey.map((r) => [r.event.type, (r.event.data as { version: number }).version])).toEqual([
        [LicenceIssued.type, 1],
        [LicenceUpdated.type, 2],
        [LicenceVoided.type, 2],
      ]);
    });
  });

  describe('a company revoked by forced exit, then deregistered', () => {
    let uscc: string;
    let licence: { id: string; version: number; token: string };

    it('the joint issue follows the form: no seals, no invoice needs', async () => {
      const { bundleOptions } = establishmentForm('x');
      ({ uscc } = await register('默然', { bundleOptions: { ...bundleOptions, seals: false, tax: { invoices: false, ukey: false } } }));
      licence = await licenceOf(uscc);
      const issued = await ofType(LicenceIssued.type, uscc);
      expect(issued.map((e) => e.payload['jointIssue'])).toEqual([{ eSeal: false, eInvoice: false }]);
      expect(issued.map((e) => e.payload['eLicenceId'])).toEqual([licence.id]);
    });

    it('revocation at the end of the forced-exit notice gives .voided, reason REVOKED with the case id; verification answers revoked', async () => {
      await ds.transaction((tx) =>
        app.get(AbnormalListingRepository).insert(tx, {
          id: randomUUID(),
          uscc,
          authorityCode: YX,
          ownerId: 'lic-founder-1',
          state: { id: randomUUID(), uscc, reasonCode: 'UNREACHABLE_AT_ADDRESS', status: 'LISTED', listedOn: yearsAgo(3) },
          listedBy: { subject: 'officer-yx', role: 'officer' },
          listedAt: new Date(),
          rejections: [],
        }),
      );
      const confirmed = await http().post(`${PREFIX}/forced-exit-candidates/${uscc}/confirmation`).set(as(officerYx)).send({});
      expect(confirmed.status).toBe(201);
      const noticeEndsAt = new Date(confirmed.body.noticeEndsAt);
      const fire = (at: Date) =>
        ds.transaction((tx) =>
          app.get(RevokeForcedExitHandler).execute({ id: 't', kind: FORCED_EXIT_NOTICE_TIMER, key: confirmed.body.id, payload: {}, dueAt: noticeEndsAt } as unknown as Timer, tx, at),
        );

      await fire(new Date(noticeEndsAt.getTime() - 1000)); // the notice still runs
      expect(await ofType(LicenceVoided.type, uscc)).toEqual([]);
      expect(await verified(licence.token)).toBe('valid');

      await fire(new Date(noticeEndsAt.getTime() + 1000));
      await fire(new Date(noticeEndsAt.getTime() + 2000)); // the timer again: nothing more
      const voided = await ofType(LicenceVoided.type, uscc);
      expect(voided.map((e) => e.payload)).toEqual([
        { uscc, eLicenceId: licence.id, version: 1, voidedAt: new Date(noticeEndsAt.getTime() + 1000).toISOString(), reason: 'REVOKED', causeId: confirmed.body.id },
      ]);
      expect((await onBroker(voided[0].id)).key).toBe(uscc);
      expect(await verified(licence.token)).toBe('revoked');
    });

    it('the revoked company’s later deregistration voids nothing more (its licence is already void)', async () => {
      await deregisterByCourt(uscc, '(2027)粤01破22号');
      expect((await licenceOutbox(uscc)).map((e) => e.type)).toEqual([LicenceIssued.type, LicenceVoided.type]);
      expect(await verified(licence.token)).toBe('revoked');
    });
  });
});
