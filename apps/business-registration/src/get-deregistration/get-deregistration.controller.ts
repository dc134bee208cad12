import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { DeregistrationView } from '../shared/deregistration-view';
import { GetDeregistrationHandler } from './get-deregistration.handler';

@Controller('companies')
export class GetDeregistrationController {
  constructor(private readonly handler: GetDeregistrationHandler) {}

  @Get(':uscc/deregistrations/:id')
  @ApiOperation({
    summary: 'A deregistration case: route, status, notice, objections, clearances (and what is missing), decision',
    description: "The company's own `applicant` and `officer`s of its registration authority (404 to anyone else). The public notice of a simplified case is public at GET /public/companies/{uscc}/deregistration-notice.",
  })
  @Roles('applicant', 'officer')
  @ETagFrom((v: DeregistrationView) => v.version)
  get(@Param('uscc') uscc: string, @Param('id') id: string, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, id, who);
  }
}
