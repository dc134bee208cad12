import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { WithdrawChangeRequestHandler } from './withdraw-change-request.handler';

@Controller('companies')
export class WithdrawChangeRequestController {
  constructor(private readonly handler: WithdrawChangeRequestHandler) {}

  @Post(':uscc/change-requests/:id/withdrawal')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The company’s applicant withdraws an undecided change request: WITHDRAWN, its timers cancelled, the company may file another change (registration.application.withdrawn, kind CHANGE)',
    description: '404 unless the caller filed it for that company. 409 `transition-not-allowed` once decided.',
  })
  @Roles('applicant')
  withdraw(@Param('uscc') uscc: string, @Param('id') id: string, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, id, who);
  }
}
