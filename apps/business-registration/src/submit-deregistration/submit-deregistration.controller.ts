import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { DeregistrationView } from '../shared/deregistration-view';
import { SubmitDeregistrationHandler } from './submit-deregistration.handler';

@Controller('companies')
export class SubmitDeregistrationController {
  constructor(private readonly handler: SubmitDeregistrationHandler) {}

  @Post(':uscc/deregistrations/:id/submission')
  @HttpCode(200)
  @ApiOperation({
    summary: 'After the notice ended without objection, the applicant applies within the window: the system approves at once (DEREGISTERED, registration.company.deregistered)',
    description:
      "The company's own `applicant` (anyone else 404); only NOTICE_ENDED and before `applyBy` (409 otherwise). Simplified cases are approved by the system (policy systemApprovesSimplified) in the same transaction.",
  })
  @Roles('applicant')
  @ETagFrom((v: DeregistrationView) => v.version)
  submit(@Param('uscc') uscc: string, @Param('id') id: string, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(uscc, id, who, ifMatch);
  }
}
