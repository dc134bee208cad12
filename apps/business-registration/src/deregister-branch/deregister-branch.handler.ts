import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BranchRepository, CompanyRepository, type BranchRecord } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { ownCompany } from '../file-premises/file-premises.handler';
import { BranchDesk } from '../shared/branch-desk';
import { NotFoundError } from '../shared/errors';
import type { BranchDeregistrationDto } from './branch-deregistration.dto';

/**
 * The parent company's applicant deregisters one of its branches (分支机构注销): the branch machine's
 * `deregister` (ACTIVE → DEREGISTERED; a second time 409), `registration.branch.deregistered` with
 * reason PARENT_APPLIED. The parent may be in any status: a revoked company closes its branches too.
 */
@Injectable()
export class DeregisterBranchHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly companies: CompanyRepository,
    private readonly branches: BranchRepository,
    private readonly desk: BranchDesk,
  ) {}

  async execute(parentUscc: string, branchUscc: string, dto: BranchDeregistrationDto, who: Principal): Promise<BranchRecord> {
    return this.ds.transaction(async (tx) => {
      await ownCompany(this.companies, tx, parentUscc, who);
      const stored = await this.branches.get(tx, branchUscc, { lock: true });
      if (!stored || stored.doc.parentUscc !== parentUscc) throw new NotFoundError('Branch', branchUscc);
      return this.desk.deregister(tx, stored, { reason: 'PARENT_APPLIED', actor: 'applicant', by: who.subject, at: new Date(), ...(dto.note !== undefined ? { note: dto.note } : {}) });
    });
  }
}
