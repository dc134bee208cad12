import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { BranchDeregistrationDto } from './branch-deregistration.dto';
import { DeregisterBranchHandler } from './deregister-branch.handler';

@Controller('companies')
export class DeregisterBranchController {
  constructor(private readonly handler: DeregisterBranchHandler) {}

  @Post(':uscc/branches/:branchUscc/deregistration')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deregister a branch (分支机构注销): registration.branch.deregistered',
    description:
      "The parent company's own `applicant` (404 otherwise, also for a branch of another company). 409 `registration-transition-not-allowed` when the branch is already deregistered. A company's remaining branches are deregistered with it when the company is deregistered.",
  })
  @Roles('applicant')
  deregister(@Param('uscc') uscc: string, @Param('branchUscc') branchUscc: string, @Body() body: BranchDeregistrationDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, branchUscc, body, who);
  }
}
