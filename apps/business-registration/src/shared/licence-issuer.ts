import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LicenceIssued, LicenceUpdated, LicenceVoided, type JointIssue, type LicenceVoidReason } from '@one-window/business-registration/contracts';
import { maskPersonName, type BundleOptions } from '@one-window/business-registration/domain';
import { LicenceRepository, type LicenceClaims, type LicenceRecord } from '@one-window/business-registration/data-access';
import { Outbox } from '@one-window/shared/messaging';
import { LicenceSigner } from './licence-signer';

/** Where the licence QR code points (the public verification page); the token follows as `?token=`. */
const DEFAULT_VERIFY_URL = 'https://one-window.gov.cn/verify/licence';

/** The company fields an electronic licence shows. */
export interface LicenceSubject {
  readonly uscc: string;
  readonly name: string;
  readonly entityType: string;
  readonly establishedOn: string;
  readonly authorityCode: string;
  /** The legal representative (a person ref or name); the licence shows it masked. */
  readonly legalRep: string;
}

/**
 * Why a licence version is issued: the establishment (version 1, `registration.licence.issued`, with
 * the form's bundle options for the joint issue), or a change registration that altered what the
 * licence shows (the next version, `registration.licence.updated`).
 */
export type LicenceIssueCause =
  | { readonly kind: 'ESTABLISHMENT'; readonly applicationId: string; readonly bundleOptions: BundleOptions }
  | { readonly kind: 'CHANGE'; readonly changeId: string };

/** Why the valid licence is voided (`registration.licence.voided`) and what did it (deregistration id, forced-exit case id). */
export interface LicenceVoidCause {
  readonly reason: LicenceVoidReason;
  readonly causeId: string;
}

/**
 * The e-gift pack (电子大礼包, §4) as the form chose it: the seal set comes with its e-seal when seals
 * were opted in; e-invoicing when invoice needs were declared for tax. Registration issues neither:
 * these say what the seal channel and tax are to issue with the licence.
 */
export function jointIssueOf(options: BundleOptions): JointIssue {
  return { eSeal: options.seals, eInvoice: options.tax.invoices };
}

/**
 * The electronic business licence (电子营业执照, §4), the one place its rows change: issues a compact
 * JWS (ES256) over the public fields, stored as the company's next licence version in the caller's
 * transaction (the version it replaces, if any, becomes SUPERSEDED, history kept), and voids the valid
 * version (REVOKED) when the company is deregistered or revoked. Each change appends its event to the
 * outbox in the same transaction (paper and e-licence issued, updated and voided in sync, 002 L1122):
 * `registration.licence.issued` for version 1, `.updated` for a re-issue, `.voided`; keyed by the credit code.
 */
@Injectable()
export class LicenceIssuer {
  constructor(
    private readonly licences: LicenceRepository,
    private readonly signer: LicenceSigner,
    private readonly outbox: Outbox,
  ) {}

  async issue(tx: EntityManager, subject: LicenceSubject, at: Date, cause: LicenceIssueCause): Promise<LicenceRecord> {
    const history = await this.licences.history(tx, subject.uscc);
    const previous = history.at(-1)?.doc;
    if (cause.kind === 'ESTABLISHMENT' && previous) throw new Error(`Company ${subject.uscc} already has licence version ${previous.version}`);
    if (cause.kind === 'CHANGE' && !previous) throw new Error(`Company ${subject.uscc} has no licence to re-issue for change ${cause.changeId}`);
    const valid = history.filter((h) => h.doc.status === 'VALID');
    for (const { doc, version } of valid) {
      await this.licences.update(tx, { ...doc, status: 'SUPERSEDED', statusChangedAt: at }, version);
    }
    const version = (previous?.version ?? 0) + 1;
    const claims: LicenceClaims = {
      uscc: subject.uscc,
      name: subject.name,
      entityType: subject.entityType,
      establishedOn: subject.establishedOn,
      authorityCode: subject.authorityCode,
      legalRep: maskPersonName(subject.legalRep),
      version,
      issuedAt: at.toISOString(),
    };
    const token = this.signer.sign(claims);
    const licence: LicenceRecord = {
      id: randomUUID(),
      uscc: subject.uscc,
      version,
      status: 'VALID',
      claims,
      token,
      kid: this.signer.kid,
      qrPayload: `${process.env['LICENCE_VERIFY_URL'] ?? DEFAULT_VERIFY_URL}?token=${token}`,
      issuedAt: at,
    };
    await this.licences.insert(tx, licence);
    const ref = { uscc: licence.uscc, eLicenceId: licence.id, version };
    if (cause.kind === 'ESTABLISHMENT') {
      const data = { ...ref, issuedAt: claims.issuedAt, applicationId: cause.applicationId, jointIssue: jointIssueOf(cause.bundleOptions) };
      await this.outbox.append(tx, LicenceIssued, { aggregateId: licence.uscc, data, time: at });
    } else {
      // The version it replaces: the valid one (normally exactly one), else the latest.
      const superseded = valid.at(-1)?.doc ?? (previous as LicenceRecord);
      const data = { ...ref, updatedAt: claims.issuedAt, supersedes: { eLicenceId: superseded.id, version: superseded.version }, changeId: cause.changeId };
      await this.outbox.append(tx, LicenceUpdated, { aggregateId: licence.uscc, data, time: at });
    }
    return licence;
  }

  /**
   * Voids the company's valid licence (status REVOKED; verification answers `revoked`) in the caller's
   * transaction, with `registration.licence.voided` for each version voided. Nothing when none is valid
   * (e.g. a revoked company that now deregisters). Returns the versions voided.
   */
  async voidValid(tx: EntityManager, uscc: string, cause: LicenceVoidCause, at: Date): Promise<LicenceRecord[]> {
    const voided: LicenceRecord[] = [];
    for (const { doc, version } of await this.licences.history(tx, uscc)) {
      if (doc.status !== 'VALID') continue;
      const next: LicenceRecord = { ...doc, status: 'REVOKED', statusChangedAt: at };
      await this.licences.update(tx, next, version);
      await this.outbox.append(tx, LicenceVoided, {
        aggregateId: uscc,
        data: { uscc, eLicenceId: doc.id, version: doc.version, voidedAt: at.toISOString(), reason: cause.reason, causeId: cause.causeId },
        time: at,
      });
      voided.push(next);
    }
    return voided;
  }
}
