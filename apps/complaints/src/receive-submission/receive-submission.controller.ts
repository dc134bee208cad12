import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedSubmissionView } from '../shared/submission-desk';
import { ReceiveSubmissionDto } from './receive-submission.dto';
import { ReceiveSubmissionHandler } from './receive-submission.handler';

@Controller('submissions')
export class ReceiveSubmissionController {
  constructor(private readonly handler: ReceiveSubmissionHandler) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Intake (受理): an agent of the hotline centre (a district hotline body: 403 complaints.district.not_allowed) on behalf of a caller (PHONE, with the caller\u2019s phone), or a caller online (WEB, APP, PORTAL, NEW_MEDIA). Publishes complaints.submission.received' })
  @Roles('hotline-agent', 'applicant')
  @ETagFrom((v: VersionedSubmissionView) => v.version)
  receive(@Body() body: ReceiveSubmissionDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(body, who);
  }
}
