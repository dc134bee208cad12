import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedSubmissionView } from '../shared/submission-desk';
import { RequestSupplementDto } from './request-supplement.dto';
import { RequestSupplementHandler } from './request-supplement.handler';

@Controller('submissions')
export class RequestSupplementController {
  constructor(private readonly handler: RequestSupplementHandler) {}

  @Post(':id/supplement-request')
  @HttpCode(200)
  @ApiOperation({ summary: 'The one supplement notice (一次性告知): AWAITING_SUPPLEMENT; online the caller has 3 natural days, then the submission closes INCOMPLETE by itself' })
  @Roles('hotline-agent')
  @ETagFrom((v: VersionedSubmissionView) => v.version)
  run(@Param('id') id: string, @Body() body: RequestSupplementDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}
