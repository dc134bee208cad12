import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ForcedExitObjectionDto } from './forced-exit-objection.dto';
import { ObjectToForcedExitHandler } from './object-to-forced-exit.handler';

@Controller('forced-exit-candidates')
export class ObjectToForcedExitController {
  constructor(private readonly handler: ObjectToForcedExitHandler) {}

  @Post(':uscc/objections')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Object to a forced-exit notice: the case is OBJECTED and the company is not revoked',
    description: "The company's own `applicant` (404 otherwise). 409 `forced-exit-conflict` when no notice runs or it already ended.",
  })
  @Roles('applicant')
  object(@Param('uscc') uscc: string, @Body() body: ForcedExitObjectionDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, body, who);
  }
}
