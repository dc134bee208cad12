import fs from 'node:fs';
import path from 'node:path';
import { eventStreamDocument, PUBLISHING_SERVICES } from './event-stream';
import { renderAsyncApiPage } from './asyncapi-page';

describe('event stream document (AsyncAPI 3)', () => {
  const doc = eventStreamDocument() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('has one channel per service topic and every catalogued event as a message with schema and example', () => {
    expect(Object.values(doc['channels']).map((c: any) => c.address)).toEqual(PUBLISHING_SERVICES.map((s) => s.topic)); // eslint-disable-line @typescript-eslint/no-explicit-any
    const names = Object.values(doc['components'].messages).map((m: any) => m.name); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(names).toEqual(expect.arrayContaining(['registration.company.registered.v1', 'registration.company.changed.v1']));
    const registered = doc['components'].messages['registrationCompanyRegisteredV1'];
    expect(registered.payload.required).toContain('uscc');
    expect(registered.examples[0].payload.uscc).toBe('91440104MA00001B3B');
    expect(registered.headers.required).toEqual(expect.arrayContaining(['ce_id', 'ce_type', 'ce_source', 'ce_specversion']));
  });

  it('docs/asyncapi.json is the generated document, not a hand-edited copy (run npm run docs:asyncapi)', () => {
    const file = path.resolve(__dirname, '../../../../docs/asyncapi.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('renders a readable page naming every event', () => {
    const html = renderAsyncApiPage(doc);
    expect(html).toContain('registration.company.registered.v1');
    expect(html).toContain('<code>registration.events</code>');
  });
});
