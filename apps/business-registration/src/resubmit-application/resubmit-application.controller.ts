import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedApplicationView } from '../shared/application-access';
import { ResubmissionDto } from './resubmission.dto';
import { ResubmitApplicationHandler } from './resubmit-application.handler';

@Controller('applications')
export class ResubmitApplicationController {
  constructor(private readonly handler: ResubmitApplicationHandler) {}

  @ApiOperation({ summary: 'The applicant\u2019s answer to the supplement notice (once): back to the prior state, the review clock resumes.' })
  @Post(':id/resubmission')
  @HttpCode(200)
  @Roles('applicant')
  @ETagFrom((v: VersionedApplicationView) => v.version)
  resubmit(@Param('id') id: string, @Body() body: ResubmissionDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}
