import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedSubmissionView } from '../shared/submission-desk';
import { RecordSupplementCallDto } from './record-supplement-call.dto';
import { RecordSupplementCallHandler } from './record-supplement-call.handler';

@Controller('submissions')
export class RecordSupplementCallController {
  constructor(private readonly handler: RecordSupplementCallHandler) {}

  @Post(':id/supplement-calls')
  @HttpCode(200)
  @ApiOperation({ summary: 'A failed or refused supplement call (phone class)' })
  @Roles('hotline-agent')
  @ETagFrom((v: VersionedSubmissionView) => v.version)
  run(@Param('id') id: string, @Body() body: RecordSupplementCallDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}
