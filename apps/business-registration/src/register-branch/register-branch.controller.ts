import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { BranchDto } from './branch.dto';
import { RegisterBranchHandler } from './register-branch.handler';

@Controller('companies')
export class RegisterBranchController {
  constructor(private readonly handler: RegisterBranchHandler) {}

  @Post(':uscc/branches')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Register a branch (分支机构) with its own credit code: registration.branch.registered',
    description:
      "The company's own `applicant` (404 otherwise). 422 `filing-not-allowed` with `reasons` (BRANCH_NAME, SCOPE_NOT_SUBSET, ADDRESS_UNKNOWN, ADDRESS_BLOCKED, NO_AUTHORITY_FOR_ADDRESS, BRANCH_NAME_TAKEN); 409 unless the company is ACTIVE.",
  })
  @Roles('applicant')
  register(@Param('uscc') uscc: string, @Body() body: BranchDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, body, who);
  }

  @Get(':uscc/branches')
  @ApiOperation({ summary: "The company's branches", description: "The company's `applicant`, or an `officer` of its authority (404 otherwise)." })
  @Roles('applicant', 'officer')
  list(@Param('uscc') uscc: string, @CurrentPrincipal() who: Principal) {
    return this.handler.list(uscc, who);
  }
}
