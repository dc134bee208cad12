import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ExtensionDto } from '../extend-review/extension.dto';
import { ExtendChangeReviewHandler } from './extend-change-review.handler';

@Controller('change-requests')
export class ExtendChangeReviewController {
  constructor(private readonly handler: ExtendChangeReviewHandler) {}

  @Post(':id/extension')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "An officer of the company’s authority extends the change request's review time limit once (+3 working days [cfg]) on the head's approval: the due time and the overdue timer move (registration.application.extended, kind CHANGE)",
    description:
      '404 unless the officer is of the request’s authority. 400 naming each bad field (`reason`, `approvedBy`). 409 `transition-not-allowed` (naming state and trigger) unless PENDING_REVIEW or RESUBMITTED (the clock stops while a supplement notice waits; a decided request has none). 422 `extension-refused` (with `reason`: ALREADY_EXTENDED for a second extension, DEADLINE_PASSED at or after the due time), as for the establishment application’s extension.',
  })
  @Roles('officer')
  extend(@Param('id') id: string, @Body() body: ExtensionDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(id, body, who);
  }
}
