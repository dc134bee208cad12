import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';

/** A public key in a JWK Set (RFC 7517), as published for licence verification. */
export interface PublicJwk {
  readonly kty: 'EC';
  readonly crv: 'P-256';
  readonly x: string;
  readonly y: string;
  readonly kid: string;
  readonly use: 'sig';
  readonly alg: 'ES256';
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * The service's licence signing key (ES256, P-256): `LICENCE_SIGNING_KEY` (PKCS8 PEM), or for dev
 * and tests an ephemeral key generated at start (licences then stop verifying after a restart).
 * Signs and verifies compact JWS; publishes the public key as a JWK Set.
 */
@Injectable()
export class LicenceSigner {
  private readonly logger = new Logger(LicenceSigner.name);
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  readonly jwk: PublicJwk;

  constructor() {
    const pem = process.env['LICENCE_SIGNING_KEY'];
    if (pem) {
      this.privateKey = createPrivateKey({ key: pem.replace(/\\n/g, '\n'), format: 'pem' });
      const details = this.privateKey.asymmetricKeyDetails;
      if (this.privateKey.asymmetricKeyType !== 'ec' || details?.namedCurve !== 'prime256v1') {
        throw new Error('LICENCE_SIGNING_KEY must be a P-256 (prime256v1) EC private key in PKCS8 PEM');
      }
    } else {
      this.privateKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
      this.logger.warn('LICENCE_SIGNING_KEY is not set: signing licences with an ephemeral P-256 key (dev and tests only)');
    }
    this.publicKey = createPublicKey(this.privateKey);
    const { x, y } = this.publicKey.export({ format: 'jwk' }) as JsonWebKey & { x: string; y: string };
    // RFC 7638 thumbprint: the required members in lexicographic order.
    const kid = b64url(createHash('sha256').update(JSON.stringify({ crv: 'P-256', kty: 'EC', x, y })).digest());
    this.jwk = { kty: 'EC', crv: 'P-256', x, y, kid, use: 'sig', alg: 'ES256' };
  }

  get kid(): string {
    return this.jwk.kid;
  }

  jwks(): { keys: PublicJwk[] } {
    return { keys: [this.jwk] };
  }

  /** A compact JWS (ES256) over `payload`. */
  sign(payload: object): string {
    const input = `${b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: this.kid }))}.${b64url(JSON.stringify(payload))}`;
    const signature = sign('sha256', Buffer.from(input), { key: this.privateKey, dsaEncoding: 'ieee-p1363' });
    return `${input}.${b64url(signature)}`;
  }

  /** The payload of a compact JWS signed with this key; `undefined` if malformed, another algorithm or key, or the signature fails. */
  verify(token: string): Record<string, unknown> | undefined {
    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return undefined;
    const [h, p, s] = parts;
    try {
      const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as Record<string, unknown>;
      if (header['alg'] !== 'ES256' || header['kid'] !== this.kid) return undefined;
      const signature = Buffer.from(s, 'base64url');
      if (signature.length !== 64) return undefined;
      if (!verify('sha256', Buffer.from(`${h}.${p}`), { key: this.publicKey, dsaEncoding: 'ieee-p1363' }, signature)) return undefined;
      const payload: unknown = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
      return payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
}
