import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedApplicationView } from '../shared/application-access';
import { AcceptApplicationHandler } from './accept-application.handler';

@Controller('applications')
export class AcceptApplicationController {
  constructor(private readonly handler: AcceptApplicationHandler) {}

  @ApiOperation({ summary: 'Accept (受理) a pending application of the officer\u2019s authority: UNDER_REVIEW, review due in 3 working days.' })
  @Post(':id/acceptance')
  @HttpCode(200)
  @Roles('officer')
  @ETagFrom((v: VersionedApplicationView) => v.version)
  accept(@Param('id') id: string, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, who, ifMatch);
  }
}
