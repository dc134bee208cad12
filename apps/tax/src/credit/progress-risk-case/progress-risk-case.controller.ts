import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import { EscalateRiskCaseDto } from '../shared/credit.dto';
import { ProgressRiskCaseHandler } from './progress-risk-case.handler';

const version = (v: { version: number }) => v.version;

@Controller('risk-cases')
export class ProgressRiskCaseController {
  constructor(private readonly handler: ProgressRiskCaseHandler) {}

  @Post(':caseId/self-check')
  @HttpCode(200)
  @ApiOperation({ summary: 'The taxpayer starts its self-check and correction (R8.6): the taxpayer’s own account' })
  @Roles('applicant')
  @ETagFrom(version)
  selfCheck(@Param('caseId') caseId: string, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.startSelfCheck(caseId, who, ifMatch);
  }

  @Post(':caseId/verification')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify the correction: the case is resolved and its blocks lifted (R8.6): officers of the taxpayer’s bureau' })
  @Roles('officer')
  @ETagFrom(version)
  verify(@Param('caseId') caseId: string, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.verifyCorrection(caseId, who, ifMatch);
  }

  @Post(':caseId/escalation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Escalate to enforcement: a missed deadline or a refused correction (R8.6): officers of the taxpayer’s bureau' })
  @Roles('officer')
  @ETagFrom(version)
  escalate(@Param('caseId') caseId: string, @Body() body: EscalateRiskCaseDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.escalate(caseId, body.reason, who, ifMatch);
  }
}
