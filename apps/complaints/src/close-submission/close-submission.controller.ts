import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedSubmissionView } from '../shared/submission-desk';
import { CloseSubmissionDto } from './close-submission.dto';
import { CloseSubmissionHandler } from './close-submission.handler';

@Controller('submissions')
export class CloseSubmissionController {
  constructor(private readonly handler: CloseSubmissionHandler) {}

  @Post(':id/closure')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close without registering: INCOMPLETE (3 failed calls, refusal, still inadequate) or IDENTITY_REFUSED; publishes complaints.submission.closed' })
  @Roles('hotline-agent')
  @ETagFrom((v: VersionedSubmissionView) => v.version)
  run(@Param('id') id: string, @Body() body: CloseSubmissionDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}
