import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedApplicationView } from '../shared/application-access';
import { RejectionReasonDto } from './not-acceptance.dto';
import { RejectApplicationHandler } from './not-accept-application.handler';

@Controller('applications')
export class NotAcceptApplicationController {
  constructor(private readonly handler: RejectApplicationHandler) {}

  @Post(':id/non-acceptance')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Do not accept (不予受理) a pending application, with a reason code: NOT_ACCEPTED (registration.application.not_accepted)',
    description: '`officer` of the application’s authority (404 otherwise). Optional If-Match. 409 unless PENDING_ACCEPTANCE. The name hold is released.',
  })
  @Roles('officer')
  @ETagFrom((v: VersionedApplicationView) => v.version)
  notAccept(@Param('id') id: string, @Body() body: RejectionReasonDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute('NOT_ACCEPT', id, body, who, ifMatch);
  }
}
