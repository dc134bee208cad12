import type { Principal } from '@one-window/shared/auth';
import { callerKeyOf, provenCallerKey } from './caller-keys';
import { CallerContactRequiredError, NotFoundError } from './errors';
import { districtOf } from './ticket-desk';

/** The unit an officer acts for: its `agency_id` (the desk already checked it is the ticket's unit). */
export function unitIdOf(who: Principal): string {
  if (!who.agencyId) throw new NotFoundError('Unit of', who.subject);
  return who.agencyId;
}

/** A caller acting online (applicant), through the hotline (the agent records it, with the phone it verified), or through an Open311 client that proved it. */
export function callerActing(who: Principal, callerPhone?: string): { actor: 'caller' | 'hotline_agent' | 'integrator'; callerKey: string; by: string } {
  const actor = provenCallerKey(who) !== undefined ? 'integrator' : who.roles.includes('hotline-agent') ? 'hotline_agent' : 'caller';
  const callerKey = callerKeyOf(who, callerPhone);
  if (!callerKey) throw new CallerContactRequiredError('The agent states the phone number the caller called from (callerPhone): the same phone or account as the request (002 L1495)');
  return { actor, callerKey, by: who.subject };
}

/** The actor of a hotline command: the centre's agent, or a district hotline body (spec §1, 002 L1459). */
export function agentActor(who: Principal): 'hotline_agent' | 'district_body' {
  return districtOf(who) ? 'district_body' : 'hotline_agent';
}
