import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { GetCompanyLicenceHandler } from './get-company-licence.handler';

@Controller('companies')
export class GetCompanyLicenceController {
  constructor(private readonly handler: GetCompanyLicenceHandler) {}

  @ApiOperation({ summary: 'The company\u2019s current electronic licence (token and QR payload), to the applicant who registered it.' })
  @Get(':uscc/licence')
  @Roles('applicant')
  get(@Param('uscc') uscc: string, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, who);
  }
}
