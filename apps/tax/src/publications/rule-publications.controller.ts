import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ProblemCodeInterceptor } from '../filing/shared/problem-code.interceptor';
import { ListPublicationsQuery, ProposeHighRiskListChangeDto, ProposeKeyOperationListDto, ProposeReliefRuleDto, RejectPublicationDto } from './publications.dto';
import { RulePublicationsHandler } from './rule-publications.handler';

const TWO_PEOPLE = 'Takes effect only when a different admin approves it (two-person rule, 四眼)';

/** Admin publication of relief-rule versions, the key-operation list and the high-risk lists, with two people (tax.md §2 Admin). */
@Controller('admin/rule-publications')
@UseInterceptors(ProblemCodeInterceptor)
export class RulePublicationsController {
  constructor(private readonly handler: RulePublicationsHandler) {}

  @Get()
  @ApiOperation({ summary: 'Publications, newest first, by status and kind (drafts waiting for a second admin: status=PROPOSED): admins, supervisors' })
  @Roles('admin', 'supervisor')
  list(@Query() query: ListPublicationsQuery) {
    return this.handler.list(query);
  }

  @Get(':publicationId')
  @ApiOperation({ summary: 'One publication with its content and decision: admins, supervisors' })
  @Roles('admin', 'supervisor')
  get(@Param('publicationId', new ParseUUIDPipe()) publicationId: string) {
    return this.handler.get(publicationId);
  }

  @Post('relief-rules')
  @HttpCode(201)
  @ApiOperation({ summary: `Propose a new relief-rule version (E2: a new version, or one that supersedes a live version; no overlap in one scope): admins. ${TWO_PEOPLE}` })
  @Roles('admin')
  proposeReliefRule(@Body() body: ProposeReliefRuleDto, @CurrentPrincipal() who: Principal) {
    return this.handler.proposeReliefRule(body, who);
  }

  @Post('key-operation-lists')
  @HttpCode(201)
  @ApiOperation({ summary: `Propose a new version of the key-operation list (R8.3): admins. ${TWO_PEOPLE}` })
  @Roles('admin')
  proposeKeyOperationList(@Body() body: ProposeKeyOperationListDto, @CurrentPrincipal() who: Principal) {
    return this.handler.proposeKeyOperationList(body, who);
  }

  @Post('high-risk-list-changes')
  @HttpCode(201)
  @ApiOperation({ summary: `Propose adding or removing high-risk list entries (R8.5: refund fraud, false invoicing, arrears…): admins. ${TWO_PEOPLE}` })
  @Roles('admin')
  proposeHighRiskListChange(@Body() body: ProposeHighRiskListChangeDto, @CurrentPrincipal() who: Principal) {
    return this.handler.proposeHighRiskListChange(body, who);
  }

  @Post(':publicationId/approval')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a proposed publication: an admin other than the proposer (403 otherwise); it takes effect at once' })
  @Roles('admin')
  approve(@Param('publicationId', new ParseUUIDPipe()) publicationId: string, @CurrentPrincipal() who: Principal) {
    return this.handler.approve(publicationId, who);
  }

  @Post(':publicationId/rejection')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a proposed publication with a reason (the proposer may withdraw their own): admins; it never takes effect' })
  @Roles('admin')
  reject(@Param('publicationId', new ParseUUIDPipe()) publicationId: string, @Body() body: RejectPublicationDto, @CurrentPrincipal() who: Principal) {
    return this.handler.reject(publicationId, body.reason, who);
  }
}
