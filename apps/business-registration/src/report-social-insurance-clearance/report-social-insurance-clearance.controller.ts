import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { SocialInsuranceClearanceDto } from './social-insurance-clearance.dto';
import { ReportSocialInsuranceClearanceHandler } from './report-social-insurance-clearance.handler';

@Controller('companies')
export class ReportSocialInsuranceClearanceController {
  constructor(private readonly handler: ReportSocialInsuranceClearanceHandler) {}

  @Post(':uscc/deregistrations/:id/clearances/social-insurance')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The social-insurance agency reports its clearance for an ordinary deregistration (with tax clearance in, review starts)',
    description:
      "Role `integrator` (the agency's system) or `officer` (agency staff) with `agency_id` = the social-insurance agency competent for the company's domicile (reference data, e.g. GZ-SI); any other caller 404, no `agency_id` 403. Only while CLEARING (409 otherwise); a repeat is answered unchanged.",
  })
  @Roles('integrator', 'officer')
  report(@Param('uscc') uscc: string, @Param('id') id: string, @Body() body: SocialInsuranceClearanceDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, id, body, who);
  }
}
