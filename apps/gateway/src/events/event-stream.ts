import { BANKRUPTCY_EVENTS, BANKRUPTCY_TOPIC } from '@one-window/bankruptcy/contracts';
import { REGISTRATION_EVENTS, REGISTRATION_TOPIC } from '@one-window/business-registration/contracts';
import { COMPLAINTS_EVENTS, COMPLAINTS_TOPIC } from '@one-window/complaints/contracts';
import { TAX_EVENTS, TAX_TOPIC } from '@one-window/tax/contracts';
import { buildAsyncApi, PublishingService } from '@one-window/shared/messaging';
import fs from 'node:fs';
import path from 'node:path';

/** deploy/services.json: the one list of services and their topics (read, not imported: it is outside the projects). */
const services = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../deploy/services.json'), 'utf8')) as {
  services: { name: string; topic: string }[];
};

/**
 * The whole event stream, service by service, from each service's contracts library. The
 * gateway serves it as AsyncAPI at /asyncapi.json; `npm run docs:asyncapi` writes docs/asyncapi.json.
 * A service with no events yet still has its topic listed.
 */
const EVENTS_BY_SERVICE: Record<string, PublishingService['events']> = {
  'business-registration': REGISTRATION_EVENTS,
  tax: TAX_EVENTS,
  bankruptcy: BANKRUPTCY_EVENTS,
  complaints: COMPLAINTS_EVENTS,
};

const DESCRIPTIONS: Record<string, string> = {
  'business-registration': 'Company setup, changes, annual reports, deregistration (企业开办与登记)',
  'construction-permits': 'Project approval stages and parallel approvals (工程建设项目审批)',
  tax: 'Taxpayers, invoices, returns, refunds, clearance (税务)',
  bankruptcy: 'Bankruptcy cases, unsealing of seized assets, administrator access (破产协同)',
  complaints: '12345 hotline tickets and their clocks (12345热线工单)',
};

export const PUBLISHING_SERVICES: PublishingService[] = services.services.map((s) => ({
  service: s.name,
  topic: s.topic,
  description: DESCRIPTIONS[s.name],
  events: EVENTS_BY_SERVICE[s.name] ?? [],
}));

for (const [service, topic] of [['business-registration', REGISTRATION_TOPIC], ['tax', TAX_TOPIC], ['bankruptcy', BANKRUPTCY_TOPIC], ['complaints', COMPLAINTS_TOPIC]]) {
  if (PUBLISHING_SERVICES.find((s) => s.service === service)?.topic !== topic) {
    throw new Error(`deploy/services.json and the ${service} contracts disagree on its topic`);
  }
}

export function eventStreamDocument(kafkaHost = '127.0.0.1:9092') {
  return buildAsyncApi(PUBLISHING_SERVICES, {
    title: 'One Window (一窗通办) event stream',
    version: '1.0.0',
    description: [
      'Every state change of every service, as CloudEvents 1.0 in Kafka binary mode (ce_* headers), keyed by aggregate id.',
      'Types are <service>.<aggregate>.<past-tense-verb>.v<major>; a breaking change is published as the next major version side by side for a transition period; additive changes keep the version.',
      'Replay: read a topic from the beginning or from a time with your own consumer group (retention 30 days); see docs/event-stream.md.',
    ].join('\n\n'),
    servers: { local: { host: kafkaHost, description: 'The broker of a local `npm start`' } },
  });
}
