import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { RefundClaimRepository } from '@one-window/tax/data-access';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import { NotFoundError } from '../../shared/errors';
import { CreditAccess } from '../shared/credit-access';
import { refundClaimView, type RefundClaimView } from '../shared/refund-claim-view';

@Controller()
export class GetRefundClaimController {
  constructor(
    private readonly ds: DataSource,
    private readonly access: CreditAccess,
    private readonly refunds: RefundClaimRepository,
  ) {}

  @Get('refund-claims/:claimId')
  @ApiOperation({ summary: 'A refund claim: to the taxpayer, officers of its bureau, supervisors and admins' })
  @Roles('applicant', 'officer', 'supervisor', 'admin')
  @ETagFrom((v: RefundClaimView) => v.version)
  async get(@Param('claimId') claimId: string, @CurrentPrincipal() who: Principal) {
    const stored = await this.refunds.get(this.ds.manager, claimId);
    if (!stored) throw new NotFoundError('Refund claim', claimId);
    await this.access.taxpayer(this.ds.manager, stored.doc.taxpayerId, who, ['owner', 'officer'], { read: true }).catch(() => {
      throw new NotFoundError('Refund claim', claimId);
    });
    return refundClaimView(stored.doc, stored.version);
  }

  @Get('taxpayers/:taxpayerId/refund-claims')
  @ApiOperation({ summary: "A taxpayer's refund claims: to itself, officers of its bureau, supervisors and admins" })
  @Roles('applicant', 'officer', 'supervisor', 'admin')
  async list(@Param('taxpayerId') taxpayerId: string, @CurrentPrincipal() who: Principal) {
    await this.access.taxpayer(this.ds.manager, taxpayerId, who, ['owner', 'officer'], { read: true });
    return { items: (await this.refunds.forTaxpayer(this.ds.manager, taxpayerId)).map((s) => refundClaimView(s.doc, s.version)) };
  }
}
