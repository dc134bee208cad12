import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { RemovalRequestDto } from './removal-request.dto';
import { RequestAbnormalRemovalHandler } from './request-abnormal-removal.handler';

@Controller('companies')
export class RequestAbnormalRemovalController {
  constructor(private readonly handler: RequestAbnormalRemovalHandler) {}

  @Post(':uscc/abnormal-listings/:id/removal-request')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Ask to be taken off the abnormal list after correcting the cause (信用修复); an officer of the authority decides',
    description:
      "The company's own `applicant` (anyone else 404). ANNUAL_REPORT_OVERDUE: the missed year's report must be filed first (409 `registration-abnormal-cause-not-cured`). 409 `registration-abnormal-removal-request-conflict` when a request is already pending or the entry was removed.",
  })
  @Roles('applicant')
  request(@Param('uscc') uscc: string, @Param('id') id: string, @Body() body: RemovalRequestDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, id, body, who);
  }
}
