import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedApplicationView } from '../shared/application-access';
import { ExtensionDto } from './extension.dto';
import { ExtendReviewHandler } from './extend-review.handler';

@Controller('applications')
export class ExtendReviewController {
  constructor(private readonly handler: ExtendReviewHandler) {}

  @Post(':id/extension')
  @HttpCode(200)
  @ApiOperation({
    summary: "Extend the review time limit once (+3 working days [cfg]) on the head's approval (registration.application.extended)",
    description:
      '`officer` of the application’s authority (404 otherwise). Optional If-Match. 409 unless UNDER_REVIEW; 422 `extension-refused` when already extended, the clock is stopped or already overdue.',
  })
  @Roles('officer')
  @ETagFrom((v: VersionedApplicationView) => v.version)
  extend(@Param('id') id: string, @Body() body: ExtensionDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}
