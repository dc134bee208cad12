import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { DeregistrationView } from '../shared/deregistration-view';
import { SwitchToOrdinaryDto } from './switch-route.dto';
import { SwitchDeregistrationRouteHandler } from './switch-deregistration-route.handler';

@Controller('companies')
export class SwitchDeregistrationRouteController {
  constructor(private readonly handler: SwitchDeregistrationRouteHandler) {}

  @Post(':uscc/deregistrations/:id/switch-to-ordinary')
  @HttpCode(200)
  @ApiOperation({
    summary: 'After an objection, the applicant switches to the ordinary route: CLEARING, registration.deregistration.requested (route ORDINARY, switchedFrom SIMPLIFIED)',
    description: "The company's own `applicant` (anyone else 404); only an OBJECTED case (409 otherwise). `If-Match` optional.",
  })
  @Roles('applicant')
  @ETagFrom((v: DeregistrationView) => v.version)
  switch(@Param('uscc') uscc: string, @Param('id') id: string, @Body() body: SwitchToOrdinaryDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(uscc, id, body, who, ifMatch);
  }
}
