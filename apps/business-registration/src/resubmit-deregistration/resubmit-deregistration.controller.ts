import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { DeregistrationView } from '../shared/deregistration-view';
import { ResubmitDeregistrationHandler } from './resubmit-deregistration.handler';

@Controller('companies')
export class ResubmitDeregistrationController {
  constructor(private readonly handler: ResubmitDeregistrationHandler) {}

  @Post(':uscc/deregistrations/:id/resubmission')
  @HttpCode(200)
  @ApiOperation({ summary: 'The applicant resubmits after a supplement request: back UNDER_REVIEW', description: "The company's own `applicant` (anyone else 404); only SUPPLEMENT_REQUESTED (409 otherwise)." })
  @Roles('applicant')
  @ETagFrom((v: DeregistrationView) => v.version)
  resubmit(@Param('uscc') uscc: string, @Param('id') id: string, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(uscc, id, who, ifMatch);
  }
}
