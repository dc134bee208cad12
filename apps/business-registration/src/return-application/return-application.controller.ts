import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import { RejectionReasonDto } from '../not-accept-application/not-acceptance.dto';
import { RejectApplicationHandler } from '../not-accept-application/not-accept-application.handler';
import type { VersionedApplicationView } from '../shared/application-access';

@Controller('applications')
export class ReturnApplicationController {
  constructor(private readonly handler: RejectApplicationHandler) {}

  @Post(':id/return')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Return (退件) an application, with a reason code: RETURNED (registration.application.returned)',
    description: '`officer` of the application’s authority (404 otherwise). Optional If-Match. 409 unless PENDING_ACCEPTANCE. The name hold is released.',
  })
  @Roles('officer')
  @ETagFrom((v: VersionedApplicationView) => v.version)
  returnApplication(@Param('id') id: string, @Body() body: RejectionReasonDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute('RETURN', id, body, who, ifMatch);
  }
}
