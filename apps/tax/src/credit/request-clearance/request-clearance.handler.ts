import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClearanceCaseRepository } from '@one-window/tax/data-access';
import type { Principal } from '@one-window/shared/auth';
import { clearanceCaseView } from '../shared/clearance-case-view';
import { ClearanceDesk } from '../shared/clearance-desk';
import { CreditAccess } from '../shared/credit-access';
import type { RequestClearanceDto } from '../shared/credit.dto';
import { ClearanceCaseOpenError } from '../shared/errors';

/** The taxpayer applies for clearance (清税, §10); a certificate at once when nothing is outstanding, else every blocker. */
@Injectable()
export class RequestClearanceHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: CreditAccess,
    private readonly cases: ClearanceCaseRepository,
    private readonly desk: ClearanceDesk,
  ) {}

  execute(taxpayerId: string, dto: RequestClearanceDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const taxpayer = await this.access.taxpayer(tx, taxpayerId, who, ['owner'], { lock: true });
      const open = (await this.cases.forTaxpayer(tx, taxpayerId)).find((c) => c.doc.status === 'REQUESTED' || c.doc.status === 'CLASSIFIED');
      if (open) throw new ClearanceCaseOpenError(open.doc.caseId);
      const { state, version } = await this.desk.open(tx, taxpayer, {
        origin: 'TAXPAYER_APPLICATION',
        at: new Date(),
        by: who.subject,
        ...(dto.acknowledgeWarning !== undefined ? { acknowledgeWarning: dto.acknowledgeWarning } : {}),
        ...(dto.missingMaterials ? { missingMaterials: dto.missingMaterials } : {}),
      });
      return clearanceCaseView(state, version);
    });
  }
}
