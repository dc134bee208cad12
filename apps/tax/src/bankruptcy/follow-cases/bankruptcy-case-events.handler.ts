import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AdministratorAppointedData, CaseAcceptedData, DebtorInfoAccessGrantedData, DebtorInfoAccessRevokedData } from '@one-window/bankruptcy/contracts';
import { BankruptcyTaxFileRepository, DebtorInfoGrantRepository, TaxpayerRepository } from '@one-window/tax/data-access';
import { Taxpayer } from '@one-window/tax/domain';
import type { CloudEvent } from '@one-window/shared/messaging';

/**
 * Follows the bankruptcy cases (tax.md §11) from `bankruptcy.events`. Runs inside the inbox
 * transaction, so a redelivered event has no second effect; each step is also idempotent by content.
 * - `bankruptcy.case.accepted`: the debtor's bankruptcy tax file opens (OPENED) and the taxpayer is
 *   flagged `inBankruptcy` (enforcement paused, EBL art. 19). A debtor tax does not know (no
 *   taxpayer) still gets its file, with no bureau: nobody in tax can act on it until it is known.
 * - `bankruptcy.administrator.appointed`: recorded on the file (where claims go).
 * - `bankruptcy.debtor_info_access.granted` / `.revoked`: the grants the administrator's queries need.
 */
@Injectable()
export class BankruptcyCaseEventsHandler {
  private readonly log = new Logger(BankruptcyCaseEventsHandler.name);

  constructor(
    private readonly files: BankruptcyTaxFileRepository,
    private readonly grants: DebtorInfoGrantRepository,
    private readonly taxpayers: TaxpayerRepository,
  ) {}

  async accepted(event: CloudEvent<CaseAcceptedData>, tx: EntityManager): Promise<void> {
    const d = event.data;
    const taxpayer = await this.taxpayers.get(tx, d.debtor.uscc, { lock: true });
    if (taxpayer) {
      const flagged = Taxpayer.rehydrate(taxpayer.doc).flagInBankruptcy();
      if (flagged.state !== taxpayer.doc) await this.taxpayers.update(tx, flagged.state, taxpayer.version);
    } else {
      this.log.warn(`bankruptcy case ${d.caseId}: debtor ${d.debtor.uscc} is not a known taxpayer; file opened without a bureau`);
    }
    if (await this.files.get(tx, d.caseId)) return; // opened already
    await this.files.insert(tx, {
      id: d.caseId,
      caseId: d.caseId,
      taxpayerId: d.debtor.uscc,
      courtId: d.courtId,
      ...(d.courtName !== undefined ? { courtName: d.courtName } : {}),
      ...(d.rulingNo !== undefined ? { rulingNo: d.rulingNo } : {}),
      acceptedOn: d.acceptedOn,
      status: 'OPENED',
      openedAt: new Date(),
      taxBureau: taxpayer?.doc.taxBureau ?? '',
      sourceEventIds: [event.id],
    });
  }

  async appointed(event: CloudEvent<AdministratorAppointedData>, tx: EntityManager): Promise<void> {
    const d = event.data;
    const stored = await this.files.get(tx, d.caseId, { lock: true });
    if (!stored) {
      this.log.warn(`administrator appointed for case ${d.caseId}, which tax has no file for; ignored`);
      return;
    }
    if (stored.doc.sourceEventIds.includes(event.id)) return;
    await this.files.update(
      tx,
      {
        ...stored.doc,
        administrator: {
          administratorId: d.administratorId,
          ...(d.administratorName !== undefined ? { name: d.administratorName } : {}),
          ...(d.decisionNo !== undefined ? { decisionNo: d.decisionNo } : {}),
          appointedOn: d.appointedOn,
        },
        sourceEventIds: [...stored.doc.sourceEventIds, event.id],
      },
      stored.version,
    );
  }

  async granted(event: CloudEvent<DebtorInfoAccessGrantedData>, tx: EntityManager): Promise<void> {
    const d = event.data;
    if (await this.grants.get(tx, d.grantId)) return; // recorded already (a revocation that overtook it stays)
    await this.grants.insert(tx, {
      id: d.grantId,
      grantId: d.grantId,
      caseId: d.caseId,
      debtorUscc: d.debtorUscc,
      administratorId: d.administratorId,
      agencies: [...d.agencies],
      identityVerifiedAt: new Date(d.identityVerifiedAt),
      grantedAt: new Date(d.grantedAt),
      ...(d.expiresAt !== undefined ? { expiresAt: new Date(d.expiresAt) } : {}),
      status: 'ACTIVE',
      sourceEventId: event.id,
    });
  }

  async revoked(event: CloudEvent<DebtorInfoAccessRevokedData>, tx: EntityManager): Promise<void> {
    const d = event.data;
    const stored = await this.grants.get(tx, d.grantId, { lock: true });
    const revoked = { at: new Date(d.revokedAt), reason: d.reason };
    if (!stored) {
      // revoked before tax saw the grant: keep the revocation, so a late grant cannot revive it
      await this.grants.insert(tx, {
        id: d.grantId,
        grantId: d.grantId,
        caseId: d.caseId,
        debtorUscc: '',
        administratorId: d.administratorId,
        agencies: [],
        identityVerifiedAt: revoked.at,
        grantedAt: revoked.at,
        status: 'REVOKED',
        revoked,
        sourceEventId: event.id,
      });
      return;
    }
    if (stored.doc.status === 'REVOKED') return;
    await this.grants.update(tx, { ...stored.doc, status: 'REVOKED', revoked }, stored.version);
  }
}
