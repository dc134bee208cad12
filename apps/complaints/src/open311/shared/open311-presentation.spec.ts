import { attributesOf, personName } from '../requests/post-request.handler';
import { open311StatusFor, requireFormat } from './open311-error';
import { formatOfPath, toOpen311Xml } from './open311-format';
import { open311StatusNotes } from './status-notes';

const units = { 'GZ-AMR': '广州市市场监督管理局' };
const ticket = (state: string, extra: object = {}) => ({ id: 't1', type: 'COMPLAINT' as const, state: state as never, registeredAt: new Date(), unitId: 'GZ-AMR', ...extra });

describe('Open311 presentation', () => {
  it('XML from the same documents: lists, nested item names, escaping, omitted and empty fields', () => {
    expect(toOpen311Xml('errors', 'error', [{ code: 400, description: 'a < b & "c"' }])).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<errors><error><code>400</code><description>a &lt; b &amp; &quot;c&quot;</description></error></errors>',
    );
    expect(toOpen311Xml('service_definition', 'x', { service_code: 'A', attributes: [{ code: 'k', values: [{ key: '1', name: 'one' }], datatype_description: null, skip: undefined }] })).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<service_definition><service_code>A</service_code><attributes><attribute><code>k</code><values><value><key>1</key><name>one</name></value></values><datatype_description/></attribute></attributes></service_definition>',
    );
    expect(toOpen311Xml('discovery', 'discovery', { endpoints: [{ formats: ['application/json', 'text/xml'] }] })).toContain('<formats><format>application/json</format><format>text/xml</format></formats>');
  });

  it('formats and statuses: .json/.xml only; errors leave as 400, 403, 404 (500 for faults)', () => {
    expect(requireFormat('JSON')).toBe('json');
    expect(() => requireFormat('csv')).toThrow(/Unsupported format/);
    expect(formatOfPath('/api/v1/complaints/open311/v2/requests.xml?status=open')).toBe('xml');
    expect(formatOfPath('/api/v1/complaints/open311/v2/requests')).toBe('json');
    expect([400, 401, 403, 404, 409, 412, 413, 422, 500, 503].map(open311StatusFor)).toEqual([400, 403, 403, 404, 400, 400, 400, 400, 500, 500]);
  });

  it('attribute[code]=value as a form body parses it, as flat keys, and as repeated values', () => {
    const parsed = attributesOf({ attribute: { request_type: 'COMPLAINT', hide_fields: ['name', 'phone'], empty: '' }, 'attribute[district]': '440104', 'attribute[tags][]': ['a', 'b'] });
    expect(Object.fromEntries(parsed)).toEqual({ request_type: ['COMPLAINT'], hide_fields: ['name', 'phone'], district: ['440104'], tags: ['a', 'b'] });
  });

  it('names: family name first for Chinese names, first last otherwise', () => {
    expect(personName('梅梅', '韩')).toBe('韩梅梅');
    expect(personName('Lei', 'Li')).toBe('Lei Li');
    expect(personName(undefined, 'Li')).toBe('Li');
    expect(personName(undefined, undefined)).toBeUndefined();
  });

  it('status notes: from the shown ticket (unit, last public extension reason) or the submission; closed by the §7 extended status', () => {
    const s = { status: 'REGISTERED' as const };
    expect(open311StatusNotes({ status: 'RECEIVED' }, undefined, units)).toMatch(/Received/);
    expect(open311StatusNotes({ status: 'CLOSED', closeReason: 'IDENTITY_REFUSED' }, undefined, units)).toMatch(/real name/);
    expect(open311StatusNotes(s, ticket('DISPATCHED'), units)).toBe('已派单 Dispatched to 广州市市场监督管理局');
    expect(open311StatusNotes(s, ticket('IN_PROGRESS', { extensions: [{ publicReason: 'first' }, { publicReason: 'Waiting for parts' }] }), units)).toBe(
      '办理中 Being handled by 广州市市场监督管理局; deadline extended: Waiting for parts',
    );
    expect(open311StatusNotes(s, ticket('CLOSED', { closeReason: 'RATED', outcomeCode: 'HANDLED' }), units)).toBe('已办结 Closed: handled by 广州市市场监督管理局');
    expect(open311StatusNotes(s, ticket('CLOSED', { closeReason: 'MERGED' }), units)).toMatch(/merged/);
    expect(open311StatusNotes(s, ticket('CLOSED', { closeReason: 'RATED', outcomeCode: 'CALLER_UNREACHABLE' }), units)).toMatch(/no further action/);
    expect(open311StatusNotes(s, ticket('CLOSED', { closeReason: 'WITHDRAWN', outcomeCode: 'HANDLED' }), units)).toMatch(/withdrawn/);
    expect(open311StatusNotes(s, ticket('CLOSED', { closeReason: 'RATED', outcomeCode: 'FORCE_MAJEURE' }), units)).toBe('已办结 Closed');
  });
});
