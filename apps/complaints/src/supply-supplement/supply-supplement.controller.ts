import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedSubmissionView } from '../shared/submission-desk';
import { SupplySupplementDto } from './supply-supplement.dto';
import { SupplySupplementHandler } from './supply-supplement.handler';

@Controller('submissions')
export class SupplySupplementController {
  constructor(private readonly handler: SupplySupplementHandler) {}

  @Post(':id/supplement')
  @HttpCode(200)
  @ApiOperation({ summary: 'The caller supplies the missing information (own submission online, or through an agent with the same phone)' })
  @Roles('applicant', 'hotline-agent')
  @ETagFrom((v: VersionedSubmissionView) => v.version)
  run(@Param('id') id: string, @Body() body: SupplySupplementDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}
