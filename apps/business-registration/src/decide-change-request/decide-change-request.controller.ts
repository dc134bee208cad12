import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { DecisionDto } from '../decide-application/decision.dto';
import { DecideChangeRequestHandler } from './decide-change-request.handler';

@Controller('change-requests')
export class DecideChangeRequestController {
  constructor(private readonly handler: DecideChangeRequestHandler) {}

  @Post(':id/decision')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'An officer of the authority decides a pending change request: APPROVE registers the change exactly as 秒批 does (publishes registration.company.changed, a new licence version for a new name or legal representative); REFUSE records the reasons',
  })
  @Roles('officer')
  decide(@Param('id') id: string, @Body() body: DecisionDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(id, body, who);
  }
}
