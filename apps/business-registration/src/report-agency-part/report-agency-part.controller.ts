import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { PartnerPartView } from '../shared/setup-bundle-desk';
import { AgencyPartParams, AgencyPartResultDto } from './agency-part-result.dto';
import { ReportAgencyPartHandler } from './report-agency-part.handler';

@Controller('companies')
export class ReportAgencyPartController {
  constructor(private readonly handler: ReportAgencyPartHandler) {}

  @Post(':uscc/bundle/:part/result')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Social-insurance agency / housing-fund centre: its bundle part is DONE (part_completed; completed when last) or FAILED with a reason',
    description:
      "Role `integrator` (the agency's system) or `officer` (agency staff), with `agency_id` = the agency competent for the company's domicile (reference data, e.g. GZ-SI, GZ-HF). Any other agency gets 404. `If-Match` optional.",
  })
  @Roles('integrator', 'officer')
  @ETagFrom((v: PartnerPartView) => v.version)
  report(@Param() params: AgencyPartParams, @Body() body: AgencyPartResultDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(params.uscc, params.part, body, who, ifMatch);
  }
}
