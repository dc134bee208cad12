import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ResubmissionDto } from '../resubmit-application/resubmission.dto';
import { ResubmitChangeRequestHandler } from './resubmit-change-request.handler';

@Controller('companies')
export class ResubmitChangeRequestController {
  constructor(private readonly handler: ResubmitChangeRequestHandler) {}

  @Post(':uscc/change-requests/:id/resubmission')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The company’s applicant answers the supplement notice, once, on the same change request: RESUBMITTED, the review clock resumes (registration.application.resubmitted, kind CHANGE, with the new dueAt)',
    description:
      '404 unless the caller filed it for that company. 400 naming each bad field. 409 `transition-not-allowed` unless SUPPLEMENT_REQUESTED; 409 `supplement-period-over` after the answer period.',
  })
  @Roles('applicant')
  resubmit(@Param('uscc') uscc: string, @Param('id') id: string, @Body() body: ResubmissionDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, id, body, who);
  }
}
