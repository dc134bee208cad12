import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedApplicationView } from '../shared/application-access';
import { DecisionDto } from './decision.dto';
import { DecideApplicationHandler } from './decide-application.handler';

@Controller('applications')
export class DecideApplicationController {
  constructor(private readonly handler: DecideApplicationHandler) {}

  @ApiOperation({ summary: 'Approve (REGISTERED, credit code assigned) or refuse with reasons (REFUSED, remedies stated) an application under review.' })
  @Post(':id/decision')
  @HttpCode(200)
  @Roles('officer')
  @ETagFrom((v: VersionedApplicationView) => v.version)
  decide(@Param('id') id: string, @Body() body: DecisionDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}
