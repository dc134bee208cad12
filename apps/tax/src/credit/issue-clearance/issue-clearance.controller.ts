import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { ClearanceCaseView } from '../shared/clearance-case-view';
import { IssueClearanceHandler } from './issue-clearance.handler';

const version = (v: ClearanceCaseView) => v.version;

@Controller('clearance-cases')
export class IssueClearanceController {
  constructor(private readonly handler: IssueClearanceHandler) {}

  @Post(':caseId/issue')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue the clearance certificate on the standard route once nothing is outstanding (409 lists what is): officers of the taxpayer’s bureau' })
  @Roles('officer')
  @ETagFrom(version)
  issue(@Param('caseId') caseId: string, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.issue(caseId, who, ifMatch);
  }

  @Post(':caseId/fulfilment')
  @HttpCode(200)
  @ApiOperation({ summary: 'Report the items of a clearance commitment finished, before its due date: the taxpayer’s own account' })
  @Roles('applicant')
  @ETagFrom(version)
  fulfil(@Param('caseId') caseId: string, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.fulfil(caseId, who, ifMatch);
  }
}
