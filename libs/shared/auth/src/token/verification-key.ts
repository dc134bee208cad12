import { createPublicKey, type KeyObject } from 'node:crypto';
import { algorithmForKey, type JwtAlgorithm } from './algorithms';

/** A public key ready for verification, with the one algorithm it may be used with. */
export interface VerificationKey {
  kid: string;
  key: KeyObject;
  algorithm: JwtAlgorithm;
}

/**
 * Parses a PEM public key (SPKI or a certificate). `label` names the source in the error,
 * e.g. `AUTH_JWT_PUBLIC_KEYS["2025-01"]`. Private keys are refused: they do not belong in a
 * service's configuration.
 */
export function parseVerificationKey(kid: string, pem: string, label: string): VerificationKey {
  if (typeof pem !== 'string' || !pem.includes('-----BEGIN')) {
    throw new Error(`${label} is not a PEM public key`);
  }
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw new Error(`${label} holds a private key; give the public key only`);
  }
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new Error(`${label} is not a readable PEM public key (${(error as Error).message})`);
  }
  try {
    return { kid, key, algorithm: algorithmForKey(key) };
  } catch (error) {
    throw new Error(`${label}: ${(error as Error).message}`);
  }
}
