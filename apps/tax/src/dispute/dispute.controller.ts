import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { CloseUnsettledDto, OpenDisputeDto, SettleDisputeDto } from './dispute.dto';
import { DisputeHandler } from './dispute.handler';

@Controller()
export class DisputeController {
  constructor(private readonly handler: DisputeHandler) {}

  @Post('taxpayers/:taxpayerId/disputes')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Bring a tax dispute to mediation (税费争议调解): tax.dispute.opened',
    description: "The taxpayer's own `applicant` (ONLINE), or an `officer` of its bureau recording a HALL or PHONE request (404 otherwise). RECEIVED; acceptance due within 2 working days [cfg].",
  })
  @Roles('applicant', 'officer')
  open(@Param('taxpayerId') taxpayerId: string, @Body() body: OpenDisputeDto, @CurrentPrincipal() who: Principal) {
    return this.handler.open(taxpayerId, body, who);
  }

  @Get('disputes/:disputeId')
  @ApiOperation({ summary: 'A tax dispute, with its limits and what is overdue now', description: "The taxpayer's own `applicant` or an `officer` of its bureau (404 otherwise)." })
  @Roles('applicant', 'officer')
  get(@Param('disputeId') disputeId: string, @CurrentPrincipal() who: Principal) {
    return this.handler.get(disputeId, who);
  }

  @Post('disputes/:disputeId/acceptance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept the dispute (RECEIVED → ACCEPTED; late after 2 working days)', description: "`officer` of the taxpayer's bureau (404 otherwise); another state 409." })
  @Roles('officer')
  accept(@Param('disputeId') disputeId: string, @CurrentPrincipal() who: Principal) {
    return this.handler.step(disputeId, 'accept', who);
  }

  @Post('disputes/:disputeId/mediation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start mediation (ACCEPTED → MEDIATING; due within 20 working days)', description: "`officer` of the taxpayer's bureau (404 otherwise); another state 409." })
  @Roles('officer')
  mediate(@Param('disputeId') disputeId: string, @CurrentPrincipal() who: Principal) {
    return this.handler.step(disputeId, 'mediation', who);
  }

  @Post('disputes/:disputeId/settlement')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the mediation agreement (MEDIATING → SETTLED): tax.dispute.settled', description: "`officer` of the taxpayer's bureau (404 otherwise); another state 409." })
  @Roles('officer')
  settle(@Param('disputeId') disputeId: string, @Body() body: SettleDisputeDto, @CurrentPrincipal() who: Principal) {
    return this.handler.step(disputeId, 'settlement', who, body);
  }

  @Post('disputes/:disputeId/non-settlement')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Close a failed mediation with the notice of legal remedies (MEDIATING → NOT_SETTLED): tax.dispute.closed',
    description: "`officer` of the taxpayer's bureau (404 otherwise); another state 409.",
  })
  @Roles('officer')
  closeUnsettled(@Param('disputeId') disputeId: string, @Body() body: CloseUnsettledDto, @CurrentPrincipal() who: Principal) {
    return this.handler.step(disputeId, 'non-settlement', who, body);
  }

  @Post('disputes/:disputeId/withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the dispute before it ends: tax.dispute.closed (WITHDRAWN)', description: "The taxpayer's own `applicant` (404 otherwise); an ended dispute 409." })
  @Roles('applicant')
  withdraw(@Param('disputeId') disputeId: string, @CurrentPrincipal() who: Principal) {
    return this.handler.step(disputeId, 'withdrawal', who);
  }
}
