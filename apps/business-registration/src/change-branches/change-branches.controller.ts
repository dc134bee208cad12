import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { BranchChangeDto } from './branch-change.dto';
import { ChangeBranchesHandler } from './change-branches.handler';

@Controller('companies')
export class ChangeBranchesController {
  constructor(private readonly handler: ChangeBranchesHandler) {}

  @Post(':uscc/branch-changes')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change several branches in one centralised change (统一变更): registration.branch.changed per branch changed',
    description:
      "The company's own `applicant` (404 otherwise, also for a branch that is not the company's). All or nothing: 422 `registration-branch-change-not-allowed` with `branches: [{ uscc, reasons (BRANCH_NOT_ACTIVE, SCOPE_NOT_SUBSET, NEEDS_NEW_PERMIT), permitScopeCodes? }]` when any branch cannot take it (a change that needs a new permit is made branch by branch); 422 `registration-branch-change-nothing-changed` when it changes no branch; 422 `registration-filing-not-allowed` for an unknown or blocked address; 409 unless the company is ACTIVE.",
  })
  @Roles('applicant')
  change(@Param('uscc') uscc: string, @Body() body: BranchChangeDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, body, who);
  }
}
