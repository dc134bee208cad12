import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { DeregistrationView } from '../shared/deregistration-view';
import { DeregistrationDecisionDto } from './deregistration-decision.dto';
import { DecideDeregistrationHandler } from './decide-deregistration.handler';

@Controller('companies')
export class DecideDeregistrationController {
  constructor(private readonly handler: DecideDeregistrationHandler) {}

  @Post(':uscc/deregistrations/:id/decision')
  @HttpCode(200)
  @ApiOperation({
    summary: 'An officer of the company’s authority approves (DEREGISTERED, licence revoked, registration.company.deregistered), refuses or requests a supplement',
    description:
      '`officer` with `agency_id` = the company’s registration authority (anyone else 404). Approval while the ordinary route still waits for clearances is refused: 409 `registration-clearance-missing` with `missingClearances` (TAX, SOCIAL_INSURANCE). `If-Match` optional.',
  })
  @Roles('officer')
  @ETagFrom((v: DeregistrationView) => v.version)
  decide(@Param('uscc') uscc: string, @Param('id') id: string, @Body() body: DeregistrationDecisionDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(uscc, id, body, who, ifMatch);
  }
}
