import { parseServiceUrls, routeFor } from './service-registry';

describe('service registry', () => {
  const services = parseServiceUrls('business-registration=http://127.0.0.1:3101, tax=http://tax:3000');

  it('parses name=url pairs', () => {
    expect(services.map((s) => [s.name, s.url.toString()])).toEqual([
      ['business-registration', 'http://127.0.0.1:3101/'],
      ['tax', 'http://tax:3000/'],
    ]);
  });

  it.each([
    ['tax', 'is not name=url'],
    ['Tax=http://x', 'bad service name'],
    ['tax=http://a,tax=http://b', 'listed twice'],
    ['tax=ftp://a', 'must use http or https'],
    ['tax=not a url', 'no valid URL'],
  ])('rejects %s', (raw, message) => {
    expect(() => parseServiceUrls(raw)).toThrow(message);
  });

  it('routes /api/v1/<name>/... and nothing else', () => {
    expect(routeFor('/api/v1/tax/invoices/1', services)?.name).toBe('tax');
    expect(routeFor('/api/v1/tax', services)?.name).toBe('tax');
    expect(routeFor('/api/v1/tax?x=1', services)?.name).toBe('tax');
    expect(routeFor('/api/v1/taxes/1', services)).toBeUndefined();
    expect(routeFor('/api/v2/tax/1', services)).toBeUndefined();
    expect(routeFor('/openapi.json', services)).toBeUndefined();
  });
});
