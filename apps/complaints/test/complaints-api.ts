import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { ServiceUnderTest } from '@one-window/shared/platform';
import type { testTokens } from '@one-window/shared/testing';

export const PREFIX = '/api/v1/complaints';
export const YX_HOUSING = 'GZ-YX-HOUSING';
export const YX_STREET = 'GZ-YX-STREET';
export const TH_HOUSING = 'GZ-TH-HOUSING';
export const AMR = 'GZ-AMR';

/** A small client of the complaints API for the e2e tests: the actors' tokens and the usual steps. */
export function complaintsApi(svc: ServiceUnderTest, tokens: ReturnType<typeof testTokens>) {
  const app: NestExpressApplication = svc.app;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const who = {
    agent: tokens.token({ sub: 'agent-1', roles: ['hotline-agent'] }),
    caller: tokens.token({ sub: 'citizen-1', roles: ['applicant'] }),
    otherCaller: tokens.token({ sub: 'citizen-2', roles: ['applicant'] }),
    unit: tokens.token({ sub: 'officer-yx', roles: ['officer'], agency_id: YX_HOUSING }),
    street: tokens.token({ sub: 'officer-street', roles: ['officer'], agency_id: YX_STREET }),
    otherUnit: tokens.token({ sub: 'officer-th', roles: ['officer'], agency_id: TH_HOUSING }),
    amr: tokens.token({ sub: 'officer-amr', roles: ['officer'], agency_id: AMR }),
    supervisor: tokens.token({ sub: 'sup-1', roles: ['supervisor'] }),
  };
  const http = () => request(app.getHttpServer());
  const post = (path: string, token: string, body: object = {}, headers: Record<string, string> = {}) => http().post(`${PREFIX}${path}`).set(as(token)).set(headers).send(body);
  const get = (path: string, token: string) => http().get(`${PREFIX}${path}`).set(as(token));
  const command = (ticketId: string, name: string, token: string, body: object = {}, headers: Record<string, string> = {}) => post(`/tickets/${ticketId}/${name}`, token, body, headers);

  /** A submission taken by phone (agent on behalf) or online (the caller), registered with one item dispatched from the catalogue. */
  async function dispatchedTicket(o: { online?: boolean; type?: string; scenarioCode?: string; area?: string; caller?: object; hiddenFields?: string[]; assignedDeadline?: string } = {}) {
    const received = o.online
      ? await post('/submissions', who.caller, { channel: 'WEB', content: 'The lift of building 3 has been broken for a month', serviceCode: o.scenarioCode ?? 'HOUSING.REPAIR', area: o.area ?? '440104' })
      : await post('/submissions', who.agent, {
          channel: 'PHONE',
          content: 'The lift of building 3 has been broken for a month',
          serviceCode: o.scenarioCode ?? 'HOUSING.REPAIR',
          area: o.area ?? '440104',
          caller: o.caller ?? { name: '韩梅梅', phone: '13812345678' },
          ...(o.hiddenFields ? { hiddenFields: o.hiddenFields } : {}),
        });
    expect(received.status).toBe(201);
    const registered = await post(`/submissions/${received.body.id}/registration`, who.agent, {
      items: [{ type: o.type ?? 'COMPLAINT', scenarioCode: o.scenarioCode ?? 'HOUSING.REPAIR', dispatch: {}, ...(o.assignedDeadline ? { assignedDeadline: o.assignedDeadline } : {}) }],
    });
    expect(registered.status).toBe(201);
    return { submissionId: received.body.id as string, ticket: registered.body.tickets[0] as { id: string; deadlineAt: string; dispatches: { at: string }[]; unitId: string; state: string } };
  }

  async function outbox(submissionId: string): Promise<{ type: string; aggregateId: string; data: Record<string, unknown> }[]> {
    const rows: { type: string; aggregate_id: string; payload: string }[] = await svc.dataSource.query(
      `SELECT type, aggregate_id, payload FROM messaging_outbox WHERE aggregate_id = $1 ORDER BY sequence`,
      [submissionId],
    );
    return rows.map((r) => ({ type: r.type, aggregateId: r.aggregate_id, data: JSON.parse(r.payload) }));
  }

  return { who, http, post, get, command, dispatchedTicket, outbox };
}
