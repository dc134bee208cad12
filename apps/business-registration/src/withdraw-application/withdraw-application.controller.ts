import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedApplicationView } from '../shared/application-access';
import { WithdrawApplicationHandler } from './withdraw-application.handler';

@Controller('applications')
export class WithdrawApplicationController {
  constructor(private readonly handler: WithdrawApplicationHandler) {}

  @ApiOperation({ summary: 'The applicant withdraws an application not yet decided: WITHDRAWN, the reserved name released.' })
  @Post(':id/withdrawal')
  @HttpCode(200)
  @Roles('applicant')
  @ETagFrom((v: VersionedApplicationView) => v.version)
  withdraw(@Param('id') id: string, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, who, ifMatch);
  }
}
