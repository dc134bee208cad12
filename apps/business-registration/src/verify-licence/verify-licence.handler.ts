import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LicenceRepository, type LicenceClaims } from '@one-window/business-registration/data-access';
import { LicenceSigner } from '../shared/licence-signer';

export type LicenceVerificationStatus = 'valid' | 'revoked' | 'superseded' | 'invalid';

export interface LicenceVerification {
  readonly status: LicenceVerificationStatus;
  /** The public fields the licence states (absent when invalid). */
  readonly licence?: LicenceClaims;
}

const STATUS = { VALID: 'valid', REVOKED: 'revoked', SUPERSEDED: 'superseded' } as const;

/**
 * Public verification of an electronic licence (亮照 / 验照, §4): the signature against the service's
 * key, then the issued version's current status. Anything malformed, forged or unknown is `invalid`.
 */
@Injectable()
export class VerifyLicenceHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly signer: LicenceSigner,
    private readonly licences: LicenceRepository,
  ) {}

  async execute(token: string): Promise<LicenceVerification> {
    const payload = this.signer.verify(token.trim());
    const uscc = payload?.['uscc'];
    const version = payload?.['version'];
    if (typeof uscc !== 'string' || typeof version !== 'number' || !Number.isSafeInteger(version)) return { status: 'invalid' };
    const stored = await this.licences.find(this.ds.manager, uscc, version);
    if (!stored || stored.doc.token !== token.trim()) return { status: 'invalid' };
    return { status: STATUS[stored.doc.status], licence: publicClaims(payload as unknown as LicenceClaims) };
  }
}

function publicClaims(c: LicenceClaims): LicenceClaims {
  return {
    uscc: c.uscc,
    name: c.name,
    entityType: c.entityType,
    establishedOn: c.establishedOn,
    authorityCode: c.authorityCode,
    legalRep: c.legalRep,
    version: c.version,
    issuedAt: c.issuedAt,
  };
}
