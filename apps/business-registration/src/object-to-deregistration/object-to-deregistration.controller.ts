import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ObjectionDto } from './objection.dto';
import { ObjectToDeregistrationHandler } from './object-to-deregistration.handler';

@Controller('companies')
export class ObjectToDeregistrationController {
  constructor(private readonly handler: ObjectToDeregistrationHandler) {}

  @Post(':uscc/deregistrations/:id/objections')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Object to a simplified deregistration during its public notice: closes the simplified route (registration.deregistration.objected)',
    description:
      'Any signed-in creditor or member of the public (`applicant` token, `capacity` CREDITOR or PUBLIC) or department (`officer` or `integrator` token). Not anonymous: an objection closes the route, so who objected is kept in the audit trail (never in the event or the public notice). 409 after the notice ended or on another route. Answers the public notice.',
  })
  @Roles('applicant', 'officer', 'integrator')
  object(@Param('uscc') uscc: string, @Param('id') id: string, @Body() body: ObjectionDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, id, body, who);
  }
}
