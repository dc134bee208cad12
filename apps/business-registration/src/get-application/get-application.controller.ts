import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedApplicationView } from '../shared/application-access';
import { GetApplicationHandler } from './get-application.handler';

@Controller('applications')
export class GetApplicationController {
  constructor(private readonly handler: GetApplicationHandler) {}

  @ApiOperation({ summary: 'The applicant\u2019s own application, or one of the officer\u2019s authority (404 otherwise).' })
  @Get(':id')
  @Roles('applicant', 'officer')
  @ETagFrom((v: VersionedApplicationView) => v.version)
  get(@Param('id') id: string, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(id, who);
  }
}
