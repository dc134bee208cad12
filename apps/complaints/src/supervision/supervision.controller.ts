import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import {
  AuditSupervisionCaseDto,
  FinaliseIssueDto,
  FlagIssueDto,
  IssueTextDto,
  LinkIssueTicketDto,
  ListIssuesQueryDto,
  ListSupervisionCasesQueryDto,
  NotifyIssueUnitDto,
  OpenSupervisionCaseDto,
  RespondSupervisionCaseDto,
} from './supervision.dto';
import { LongRunningIssuesHandler, SupervisionCasesHandler } from './supervision.handler';
import type { CaseView, IssueView } from './supervision-desk';

const version = (v: { version: number }) => v.version;

/** Supervision cases (督办, spec §3.7, 002 L1610–1620). */
@ApiTags('supervision')
@Controller('supervision-cases')
export class SupervisionCasesController {
  constructor(private readonly handler: SupervisionCasesHandler) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'The centre, a district hotline body (on its district\u2019s tickets; not LONG_RUNNING) or the data administration (cross-level tickets) opens a case on a ticket: OVERDUE_UNJUSTIFIED 2 WD, FEEDBACK_NONCOMPLIANT 5 WD, DUTY_OPINION_OBJECTION 5 WD, LONG_RUNNING no limit (opens a long-running issue)' })
  @Roles('hotline-agent', 'supervisor')
  @ETagFrom(version)
  open(@Body() body: OpenSupervisionCaseDto, @CurrentPrincipal() who: Principal): Promise<CaseView> {
    return this.handler.open(body, who);
  }

  @Get()
  @ApiOperation({ summary: 'Cases (?status=&ticketId=&unitId=): the centre all, a district hotline body those of its district\u2019s tickets, an officer its unit\u2019s; cursor-paged with `after`' })
  @Roles('hotline-agent', 'supervisor', 'admin', 'officer')
  list(@Query() query: ListSupervisionCasesQueryDto, @CurrentPrincipal() who: Principal) {
    return this.handler.list(query, who);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One case: the centre any, a district hotline body one on its district\u2019s tickets, an officer its unit\u2019s (or as the guidance unit)' })
  @Roles('hotline-agent', 'supervisor', 'admin', 'officer')
  @ETagFrom(version)
  read(@Param('id') id: string, @CurrentPrincipal() who: Principal): Promise<CaseView> {
    return this.handler.read(id, who);
  }

  @Post(':id/respond')
  @HttpCode(200)
  @ApiOperation({ summary: 'The supervised unit (or the guidance unit for a duty-opinion objection) responds: OPEN → RESPONDED' })
  @Roles('officer')
  @ETagFrom(version)
  respond(@Param('id') id: string, @Body() body: RespondSupervisionCaseDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string): Promise<CaseView> {
    return this.handler.respond(id, body, who, ifMatch);
  }

  @Post(':id/audit')
  @HttpCode(200)
  @ApiOperation({ summary: 'The centre (or a district hotline body, for a case on its district\u2019s ticket) audits the response: passed → CLOSED; failed (reasons) → OPEN, same deadline' })
  @Roles('hotline-agent', 'supervisor')
  @ETagFrom(version)
  audit(@Param('id') id: string, @Body() body: AuditSupervisionCaseDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string): Promise<CaseView> {
    return this.handler.audit(id, body, who, ifMatch);
  }
}

/** Long-running issues (spec §3.8, 002 L1622–1626). */
@ApiTags('supervision')
@Controller('long-running-issues')
export class LongRunningIssuesController {
  constructor(private readonly handler: LongRunningIssuesHandler) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'The centre flags an issue many callers raise repeatedly, with its tickets (FLAGGED); not a district hotline body (403)' })
  @Roles('hotline-agent', 'supervisor')
  @ETagFrom(version)
  flag(@Body() body: FlagIssueDto, @CurrentPrincipal() who: Principal): Promise<IssueView> {
    return this.handler.flag(body, who);
  }

  @Get()
  @ApiOperation({ summary: 'Issues (?status=&unitId=): the centre all, an officer its unit\u2019s (a district hotline body none)' })
  @Roles('hotline-agent', 'supervisor', 'admin', 'officer')
  list(@Query() query: ListIssuesQueryDto, @CurrentPrincipal() who: Principal) {
    return this.handler.list(query, who);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One issue: the centre any, an officer its unit\u2019s' })
  @Roles('hotline-agent', 'supervisor', 'admin', 'officer')
  @ETagFrom(version)
  read(@Param('id') id: string, @CurrentPrincipal() who: Principal): Promise<IssueView> {
    return this.handler.read(id, who);
  }

  @Post(':id/notify')
  @HttpCode(200)
  @ApiOperation({ summary: 'The unit is notified (FLAGGED → PLAN_DUE); the plan is due within 10 WD of its receipt' })
  @Roles('hotline-agent', 'supervisor')
  @ETagFrom(version)
  notify(@Param('id') id: string, @Body() body: NotifyIssueUnitDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string): Promise<IssueView> {
    return this.handler.notify(id, body, who, ifMatch);
  }

  @Post(':id/tickets')
  @HttpCode(200)
  @ApiOperation({ summary: 'A ticket on the same issue is added (SAME_ISSUE)' })
  @Roles('hotline-agent')
  @ETagFrom(version)
  linkTicket(@Param('id') id: string, @Body() body: LinkIssueTicketDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string): Promise<IssueView> {
    return this.handler.linkTicket(id, body, who, ifMatch);
  }

  @Post(':id/plan')
  @HttpCode(200)
  @ApiOperation({ summary: 'The unit files its plan (PLAN_DUE → ACTIVE)' })
  @Roles('officer')
  @ETagFrom(version)
  plan(@Param('id') id: string, @Body() body: IssueTextDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string): Promise<IssueView> {
    return this.handler.plan(id, body, who, ifMatch);
  }

  @Post(':id/progress')
  @HttpCode(200)
  @ApiOperation({ summary: 'The unit reports progress to the callers and a stage report to the centre (at most monthly apart)' })
  @Roles('officer')
  @ETagFrom(version)
  progress(@Param('id') id: string, @Body() body: IssueTextDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string): Promise<IssueView> {
    return this.handler.progress(id, body, who, ifMatch);
  }

  @Post(':id/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'The procedure ended (ACTIVE → PROCEDURE_ENDED); the final position is due within 3 WD' })
  @Roles('officer')
  @ETagFrom(version)
  end(@Param('id') id: string, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string): Promise<IssueView> {
    return this.handler.end(id, who, ifMatch);
  }

  @Post(':id/finalise')
  @HttpCode(200)
  @ApiOperation({ summary: 'The final position went to the guidance department; callers and centre told (→ CLOSED)' })
  @Roles('officer')
  @ETagFrom(version)
  finalise(@Param('id') id: string, @Body() body: FinaliseIssueDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string): Promise<IssueView> {
    return this.handler.finalise(id, body, who, ifMatch);
  }
}
