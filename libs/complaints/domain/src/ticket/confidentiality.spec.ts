import { viewForHandlingUnit } from './confidentiality';
import { dispatched } from './test-fixtures';

const caller = { name: '张三', phone: '13800000000', idNumber: '440101199001011234', address: '越秀区示例路1号' };

describe('viewForHandlingUnit: identity confidentiality (spec §2)', () => {
  it('shows a plain complaint caller in full', () => {
    const view = viewForHandlingUnit(dispatched('COMPLAINT', undefined, { caller }));
    expect(view.caller).toEqual(caller);
    expect(view).toMatchObject({ withheldFields: [], contactViaCentre: false, auditRead: false });
  });

  it('partial anonymity: hidden fields never reach the unit; no contact → the centre relays (002 L1493)', () => {
    const view = viewForHandlingUnit(dispatched('COMPLAINT', undefined, { caller, privacy: { hiddenFields: ['name', 'phone', 'address'] } }));
    expect(view.caller).toEqual({ idNumber: caller.idNumber });
    expect(view.withheldFields).toEqual(['name', 'phone', 'address']);
    expect(view.contactViaCentre).toBe(true);
  });

  it('REPORT: unit staff see no identity; the designated handler does, and the read is audit-logged', () => {
    const ticket = dispatched('REPORT', undefined, { caller, privacy: { hiddenFields: ['idNumber'] } });
    expect(viewForHandlingUnit(ticket).caller).toEqual({});
    const handler = viewForHandlingUnit(ticket, 'designated_handler');
    expect(handler.caller).toEqual({ name: caller.name, phone: caller.phone, address: caller.address });
    expect(handler.auditRead).toBe(true);
  });

  it('an internal whistle-blower is never identified to the unit (000 L2080, L4027)', () => {
    const view = viewForHandlingUnit(dispatched('REPORT', undefined, { caller, privacy: { whistleblower: true } }), 'designated_handler');
    expect(view.caller).toEqual({});
    expect(view.contactViaCentre).toBe(true);
  });
});
