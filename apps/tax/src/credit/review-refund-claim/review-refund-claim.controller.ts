import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { RefundClaimView } from '../shared/refund-claim-view';
import { RefundDecisionDto, RefundPaymentDto, RequestRefundInfoDto } from '../shared/credit.dto';
import { ReviewRefundClaimHandler } from './review-refund-claim.handler';

const version = (v: RefundClaimView) => v.version;

@Controller('refund-claims')
export class ReviewRefundClaimController {
  constructor(private readonly handler: ReviewRefundClaimHandler) {}

  @Post(':claimId/info-requests')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the taxpayer for information; the review clock stops meanwhile (§9): officers of the taxpayer’s bureau' })
  @Roles('officer')
  @ETagFrom(version)
  requestInfo(@Param('claimId') claimId: string, @Body() body: RequestRefundInfoDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.requestInfo(claimId, body.items, who, ifMatch);
  }

  @Post(':claimId/info')
  @HttpCode(200)
  @ApiOperation({ summary: 'Supply the requested information; the review clock resumes: the taxpayer’s own account' })
  @Roles('applicant')
  @ETagFrom(version)
  supplyInfo(@Param('claimId') claimId: string, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.supplyInfo(claimId, who, ifMatch);
  }

  @Post(':claimId/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve (payment due in 5 WD) or reject with reasons (§9): officers of the taxpayer’s bureau' })
  @Roles('officer')
  @ETagFrom(version)
  decide(@Param('claimId') claimId: string, @Body() body: RefundDecisionDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.decide(claimId, body.outcome, body.reasons ?? [], who, ifMatch);
  }

  @Post(':claimId/payment')
  @HttpCode(200)
  @ApiOperation({ summary: 'The treasury paid the approved refund: the treasury system (integrator)' })
  @Roles('integrator')
  @ETagFrom(version)
  pay(@Param('claimId') claimId: string, @Body() body: RefundPaymentDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.pay(claimId, body.treasuryRef, who, ifMatch);
  }
}
