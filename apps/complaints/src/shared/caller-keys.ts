import { createHmac } from 'node:crypto';
import type { Principal } from '@one-window/shared/auth';

/**
 * Opaque caller keys (spec §3.1 callerRef; 002 L1495 "the same phone number or account"): a keyed
 * hash (HMAC-SHA256 with `CALLER_KEY_SECRET`) of the account subject or of the normalised phone
 * number, so that documents and queries never hold the number itself and a leaked key cannot be
 * reversed by hashing every phone number. The number is kept only in `caller_personal_data`.
 * Without the variable a fixed development secret is used (never in production: set it).
 */
export function accountKey(subject: string): string {
  return digest(`account:${subject}`);
}

export function phoneKey(phone: string): string {
  return digest(`phone:${normalisePhone(phone)}`);
}

/** Digits only, without the +86 / 0086 country prefix. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
}

const PROVEN = new WeakMap<Principal, string>();

/**
 * An Open311 client (`integrator`) acting for the submitter it proved (same account or phone,
 * 002 L1495; spec §7 POST /servicerequestupdates): the desks treat the returned principal as that
 * caller (perspective `caller`, actor `integrator`). Only the Open311 face creates one, after the check.
 */
export function integratorActingFor(client: Principal, callerKey: string): Principal {
  const who: Principal = { subject: client.subject, roles: ['integrator'], ...(client.name ? { name: client.name } : {}) };
  PROVEN.set(who, callerKey);
  return who;
}

/** The caller key an integrator principal proved (see integratorActingFor), if any. */
export function provenCallerKey(who: Principal): string | undefined {
  return PROVEN.get(who);
}

/** The key an acting principal proves: its account for an applicant, the phone the agent verified otherwise. */
export function callerKeyOf(who: Principal, callerPhone?: string): string | undefined {
  const proven = provenCallerKey(who);
  if (proven !== undefined) return proven;
  if (who.roles.includes('applicant') && !who.roles.includes('hotline-agent')) return accountKey(who.subject);
  return callerPhone ? phoneKey(callerPhone) : undefined;
}

const DEV_SECRET = 'one-window.complaints.caller.dev-only';

function digest(value: string): string {
  const secret = process.env['CALLER_KEY_SECRET'] || DEV_SECRET;
  return `ck_${createHmac('sha256', secret).update(value).digest('hex').slice(0, 40)}`;
}
