import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { SupplementRequestDto } from '../request-supplement/request-supplement.dto';
import { RequestChangeSupplementHandler } from './request-change-supplement.handler';

@Controller('change-requests')
export class RequestChangeSupplementController {
  constructor(private readonly handler: RequestChangeSupplementHandler) {}

  @Post(':id/supplement-requests')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'An officer of the company’s authority sends the one supplement notice (补齐补正, 一次性告知) listing every missing or defective item: SUPPLEMENT_REQUESTED, the review clock stops (registration.application.supplement_requested, kind CHANGE)',
    description:
      '404 unless the officer is of the request’s authority. 400 naming each bad field. 409 `transition-not-allowed` (naming state and trigger) unless PENDING_REVIEW: one notice only, so a second one after the resubmission is refused.',
  })
  @Roles('officer')
  request(@Param('id') id: string, @Body() body: SupplementRequestDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(id, body, who);
  }
}
