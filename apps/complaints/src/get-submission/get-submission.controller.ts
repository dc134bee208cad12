import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedSubmissionView } from '../shared/submission-desk';
import { GetSubmissionHandler } from './get-submission.handler';

@Controller('submissions')
export class GetSubmissionController {
  constructor(private readonly handler: GetSubmissionHandler) {}

  @Get(':id')
  @ApiOperation({ summary: 'A submission and its progress: the caller its own only (same account), the hotline centre\u2019s agents and supervisors any, a district hotline body (hotline-agent with a `district` claim) those about its district. No caller identity.' })
  @Roles('applicant', 'hotline-agent', 'supervisor', 'admin')
  @ETagFrom((v: VersionedSubmissionView) => v.version)
  get(@Param('id') id: string, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(id, who);
  }

  @Get(':id/caller')
  @ApiOperation({ summary: 'The caller\u2019s identity, unmasked, for an agent of the hotline centre (not a district hotline body); every read is written to the audit log' })
  @Roles('hotline-agent')
  caller(@Param('id') id: string, @CurrentPrincipal() who: Principal) {
    return this.handler.caller(id, who);
  }
}
