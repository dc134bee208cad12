import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ForcedExitConfirmationDto } from './confirmation.dto';
import { ConfirmForcedExitHandler } from './confirm-forced-exit.handler';

@Controller('forced-exit-candidates')
export class ConfirmForcedExitController {
  constructor(private readonly handler: ConfirmForcedExitHandler) {}

  @Post(':uscc/confirmation')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Confirm a forced-exit candidate (强制退出): the notice starts; at its end the company is revoked (registration.company.revoked, FORCED_EXIT)',
    description:
      '`officer` of the company’s authority (404 otherwise). The candidate rule is re-run at `asOf` (409 `forced-exit-not-candidate` when it does not hold); 409 when a notice already runs or the company is not ACTIVE or DORMANT. The notice lasts FORCED_EXIT_NOTICE_DAYS natural days [cfg, default 45]; the company’s applicant may object meanwhile, which stops it.',
  })
  @Roles('officer')
  confirm(@Param('uscc') uscc: string, @Body() body: ForcedExitConfirmationDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, body, who);
  }
}
