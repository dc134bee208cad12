import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BranchChanged, type BranchChangedData } from '@one-window/business-registration/contracts';
import { planCentralisedBranchChange } from '@one-window/business-registration/domain';
import { BranchRepository, CompanyRepository, REGISTRATION_REFERENCE_DATA, type BranchRecord, type RegistrationReferenceData } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Outbox } from '@one-window/shared/messaging';
import { authorityForAddress, ownCompany, usableAddress } from '../file-premises/file-premises.handler';
import { CompanyStatusConflictError, NotFoundError } from '../shared/errors';
import type { BranchChangeDto } from './branch-change.dto';

/**
 * A large enterprise changes several branches at once (统一变更, §6, 000 L574–575): the company's own
 * applicant names the branches and the new person in charge, scope and/or address. The domain's
 * `planCentralisedBranchChange` decides, all or nothing (every branch ACTIVE, scope within the
 * parent's, no new permit needed); in one transaction every branch that changes is updated and gets
 * `registration.branch.changed`, all with the change's id. A branch that is not this company's: 404.
 */
@Injectable()
export class ChangeBranchesHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly companies: CompanyRepository,
    private readonly branches: BranchRepository,
    private readonly outbox: Outbox,
    private readonly calendar: WorkingCalendar,
    @Inject(REGISTRATION_REFERENCE_DATA) private readonly ref: RegistrationReferenceData,
  ) {}

  async execute(parentUscc: string, dto: BranchChangeDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const { doc: parent } = await ownCompany(this.companies, tx, parentUscc, who);
      if (parent.status !== 'ACTIVE') throw new CompanyStatusConflictError(parentUscc, parent.status, ['ACTIVE']);
      const all = await this.branches.forParentLocked(tx, parentUscc);
      const named = dto.branchUsccs.map((uscc) => {
        const found = all.find((b) => b.doc.uscc === uscc);
        if (!found) throw new NotFoundError('Branch', uscc);
        return found;
      });
      const address = dto.standardAddressId !== undefined ? usableAddress(this.ref, dto.standardAddressId) : undefined;
      const authority = address ? authorityForAddress(this.ref, address) : undefined;
      const plan = planCentralisedBranchChange({
        parentScope: parent.scope,
        branches: named.map(({ doc }) => doc),
        change: {
          ...(dto.personInChargeRef !== undefined ? { personInChargeRef: dto.personInChargeRef } : {}),
          ...(dto.scopeCodes !== undefined ? { scope: dto.scopeCodes } : {}),
          ...(address ? { address } : {}),
        },
        actor: 'applicant',
      });
      const changeId = randomUUID();
      const at = new Date();
      const effectiveOn = this.calendar.localDateOf(at).toString();
      for (const p of plan) {
        const stored = named.find((b) => b.doc.uscc === p.uscc);
        if (!stored) continue;
        const b = stored.doc;
        const next: BranchRecord = {
          ...b,
          ...(dto.personInChargeRef !== undefined ? { personInChargeRef: dto.personInChargeRef } : {}),
          ...(dto.scopeCodes !== undefined ? { scope: [...dto.scopeCodes] } : {}),
          ...(address && authority ? { address: { standardAddressId: address.id, divisionCode: address.divisionCode, text: address.text }, authorityCode: authority } : {}),
          changes: [...(b.changes ?? []), { changeId, changes: p.changes, effectiveOn, by: who.subject }],
        };
        await this.branches.update(tx, next, stored.version);
        const data: BranchChangedData = { uscc: b.uscc, parentUscc, changeId, changes: p.changes.map((c) => ({ ...c })), effectiveOn };
        await this.outbox.append(tx, BranchChanged, { aggregateId: b.uscc, data, time: at });
      }
      return { changeId, effectiveOn, changed: plan };
    });
  }
}
