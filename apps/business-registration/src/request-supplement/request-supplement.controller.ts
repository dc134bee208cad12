import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedApplicationView } from '../shared/application-access';
import { SupplementRequestDto } from './request-supplement.dto';
import { RequestSupplementHandler } from './request-supplement.handler';

@Controller('applications')
export class RequestSupplementController {
  constructor(private readonly handler: RequestSupplementHandler) {}

  @ApiOperation({ summary: 'Ask for every missing or defective item at once (一次性告知): SUPPLEMENT_REQUESTED, the review clock stops.' })
  @Post(':id/supplement-requests')
  @HttpCode(200)
  @Roles('officer')
  @ETagFrom((v: VersionedApplicationView) => v.version)
  request(@Param('id') id: string, @Body() body: SupplementRequestDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}
