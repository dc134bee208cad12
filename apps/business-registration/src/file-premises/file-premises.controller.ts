import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { PremisesDto } from './premises.dto';
import { FilePremisesHandler } from './file-premises.handler';

@Controller('companies')
export class FilePremisesController {
  constructor(private readonly handler: FilePremisesHandler) {}

  @Post(':uscc/premises')
  @HttpCode(201)
  @ApiOperation({
    summary: 'File an additional business address (一照多址) in the domicile city: registration.premises.filed',
    description:
      "The company's own `applicant` (404 otherwise). 422 `filing-not-allowed` with `reasons` (NOT_SAME_CITY, SCOPE_NOT_SUBSET, COMMITMENT_MISSING, ADDRESS_UNKNOWN, ADDRESS_BLOCKED, SAME_AS_DOMICILE, ALREADY_FILED); 409 unless the company is ACTIVE.",
  })
  @Roles('applicant')
  file(@Param('uscc') uscc: string, @Body() body: PremisesDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, body, who);
  }

  @Get(':uscc/premises')
  @ApiOperation({ summary: "The company's filed premises (一照多址)", description: "The company's `applicant`, or an `officer` of its authority (404 otherwise)." })
  @Roles('applicant', 'officer')
  list(@Param('uscc') uscc: string, @CurrentPrincipal() who: Principal) {
    return this.handler.list(uscc, who);
  }
}
