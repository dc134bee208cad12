import { Ticket, type TicketState } from '@one-window/complaints/domain';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { accountKey } from './caller-keys';
import { districtOf, perspectiveOf, ticketListScope } from './ticket-desk';

const calendar = WorkingCalendar.chinaMainland();

function ticket(area: string | undefined): TicketState {
  return Ticket.register({
    id: `t-${area ?? 'none'}`,
    submissionId: 's-1',
    jurisdictionId: 'CN-44-01',
    type: 'COMPLAINT',
    scenarioCode: 'HOUSING.REPAIR',
    channel: 'PHONE',
    ...(area ? { area } : {}),
    callerKey: accountKey('citizen-1'),
    at: new Date('2026-09-29T01:00:00Z'),
    agentId: 'agent-1',
    calendar,
  }).aggregate.state;
}

const centre: Principal = { subject: 'agent-1', roles: ['hotline-agent'] };
const yuexiu: Principal = { subject: 'district-1', roles: ['hotline-agent'], district: '440104' };

describe('which tickets a principal may see (perspectiveOf) and list (ticketListScope)', () => {
  it('the ticket takes the area it was registered with', () => {
    expect(ticket('440104').area).toBe('440104');
    expect(ticket(undefined).area).toBeUndefined();
  });

  it('the centre sees every ticket as agent; a district body its district\u2019s as district, others not at all', () => {
    expect([perspectiveOf(centre, ticket('440104')), perspectiveOf(centre, ticket('440106')), perspectiveOf(centre, ticket(undefined))]).toEqual(['agent', 'agent', 'agent']);
    expect([perspectiveOf(yuexiu, ticket('440104')), perspectiveOf(yuexiu, ticket('440106')), perspectiveOf(yuexiu, ticket(undefined))]).toEqual(['district', undefined, undefined]);
  });

  it('a district claim binds hotline agents only', () => {
    const supervisor: Principal = { subject: 'sup', roles: ['supervisor'], district: '440104' };
    expect(districtOf(yuexiu)).toBe('440104');
    expect(districtOf(centre)).toBeUndefined();
    expect(districtOf(supervisor)).toBeUndefined();
    expect(perspectiveOf(supervisor, ticket('440106'))).toBe('oversight');
  });

  it('lists: a district body always within its district (unit filter added), the centre anywhere, others as before', () => {
    expect(ticketListScope(yuexiu, undefined)).toEqual({ district: '440104' });
    expect(ticketListScope(yuexiu, 'GZ-TH-HOUSING')).toEqual({ district: '440104', unit_id: 'GZ-TH-HOUSING' });
    expect(ticketListScope(centre, undefined)).toEqual({});
    expect(ticketListScope(centre, 'GZ-TH-HOUSING')).toEqual({ unit_id: 'GZ-TH-HOUSING' });
    expect(ticketListScope({ subject: 'o', roles: ['officer'], agencyId: 'GZ-YX-HOUSING' }, 'GZ-TH-HOUSING')).toEqual({ unit_id: 'GZ-YX-HOUSING' });
    expect(ticketListScope({ subject: 'citizen-1', roles: ['applicant'] }, undefined)).toEqual({ caller_key: accountKey('citizen-1') });
  });
});
