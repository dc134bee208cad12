import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import { GetSetupBundleHandler } from './get-setup-bundle.handler';

@Controller('companies')
export class GetSetupBundleController {
  constructor(private readonly handler: GetSetupBundleHandler) {}

  @Get(':uscc/bundle')
  @ApiOperation({
    summary: 'The setup bundle 照章税保金银: one status with every part, its state and its clock (elapsed working minutes, within the 0.5-day target; seals: maker, due, late)',
    description: "Roles: `applicant` (the company's own applicant) or `officer` of the company's registration authority; anyone else gets 404.",
  })
  @Roles('applicant', 'officer')
  @ETagFrom((v: { version: number }) => v.version)
  get(@Param('uscc') uscc: string, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, who);
  }
}
