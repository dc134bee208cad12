import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BranchRegistered, type BranchRegisteredData } from '@one-window/business-registration/contracts';
import { branchRegisteredStatus, FilingNotAllowedError, registerBranch, type EntityType } from '@one-window/business-registration/domain';
import { BranchRepository, CompanyRepository, REGISTRATION_REFERENCE_DATA, type BranchRecord, type RegistrationReferenceData } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Outbox } from '@one-window/shared/messaging';
import { authorityForAddress, ownCompany, usableAddress, visibleCompany } from '../file-premises/file-premises.handler';
import { CompanyStatusConflictError } from '../shared/errors';
import { RegisterCompany } from '../shared/register-company';
import type { BranchDto } from './branch.dto';

/**
 * Simplified branch registration (分支机构, §6, 000 L88–90) by the company's applicant: the domain's
 * `registerBranch` checks the name (parent's name + a branch word) and the scope (within the
 * parent's); the branch is registered by the authority of its address's district, gets its own
 * credit code from the same allocator as companies, and `registration.branch.registered` is
 * published, keyed by the branch's code.
 */
@Injectable()
export class RegisterBranchHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly companies: CompanyRepository,
    private readonly branches: BranchRepository,
    private readonly registration: RegisterCompany,
    private readonly outbox: Outbox,
    private readonly calendar: WorkingCalendar,
    @Inject(REGISTRATION_REFERENCE_DATA) private readonly ref: RegistrationReferenceData,
  ) {}

  async execute(parentUscc: string, dto: BranchDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const { doc: parent } = await ownCompany(this.companies, tx, parentUscc, who);
      if (parent.status !== 'ACTIVE') throw new CompanyStatusConflictError(parentUscc, parent.status, ['ACTIVE']);
      const address = usableAddress(this.ref, dto.standardAddressId);
      const branch = registerBranch({
        parentUscc,
        parentName: parent.name,
        parentScope: parent.scope.map((s) => s.code),
        name: dto.name,
        address,
        scope: dto.scopeCodes,
        permitByCommitment: dto.permitByCommitment ?? false,
      });
      const authorityCode = authorityForAddress(this.ref, address);
      if (await this.branches.nameTaken(tx, branch.name)) throw new FilingNotAllowedError(['BRANCH_NAME_TAKEN']);
      const id = randomUUID();
      const uscc = await this.registration.allocateCreditCode(tx, { applicationId: id, authorityCode, entityType: parent.entityType as EntityType });
      const at = new Date();
      const record: BranchRecord = {
        id: uscc,
        uscc,
        parentUscc,
        name: branch.name,
        authorityCode,
        ownerId: parent.ownerId,
        address: { standardAddressId: address.id, divisionCode: address.divisionCode, text: address.text },
        scope: branch.scope,
        personInChargeRef: dto.personInChargeRef,
        permitByCommitment: branch.permitByCommitment,
        status: branchRegisteredStatus('applicant'),
        establishedOn: this.calendar.localDateOf(at).toString(),
        registeredAt: at,
      };
      await this.branches.insert(tx, record);
      const data: BranchRegisteredData = {
        uscc,
        parentUscc,
        name: record.name,
        authorityCode: record.authorityCode,
        address: { ...record.address },
        scope: [...record.scope],
        personInChargeRef: record.personInChargeRef,
        permitByCommitment: record.permitByCommitment,
        establishedOn: record.establishedOn,
      };
      await this.outbox.append(tx, BranchRegistered, { aggregateId: uscc, data, time: at });
      return record;
    });
  }

  async list(parentUscc: string, who: Principal) {
    await visibleCompany(this.companies, this.ds.manager, parentUscc, who);
    return { items: await this.branches.forParent(this.ds.manager, parentUscc) };
  }
}
