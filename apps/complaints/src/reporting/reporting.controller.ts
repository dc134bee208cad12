import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { MetricsQueryDto, QuarterlyReportQueryDto } from './reporting.dto';
import { MetricsHandler } from './metrics.handler';

/** The §6 metrics and the quarterly report, from the ticket event history. */
@ApiTags('metrics')
@Controller()
export class ReportingController {
  constructor(private readonly handler: MetricsHandler) {}

  @Get('metrics')
  @ApiOperation({
    summary:
      'The §6 metrics of a day, month or quarter (?period=2026-10 or 2026-Q4), computed from the ticket event history with the working calendar: on-time closure, satisfaction (NOT_RATED excluded, and as satisfied), dispatch speed in working hours, direct resolution of consultations, overdue, process quality, and the knowledge-base row. The hotline centre, supervisors and admins see every unit (or one); a district hotline body (hotline-agent with a `district` claim) always its own district\u2019s tickets only; an officer its own unit only.',
  })
  @Roles('hotline-agent', 'supervisor', 'admin', 'officer')
  metrics(@Query() query: MetricsQueryDto, @CurrentPrincipal() who: Principal) {
    return this.handler.metrics(query, who);
  }

  @Get('reports/quarterly/:period')
  @ApiOperation({ summary: 'The quarterly report (002 L247): every §6 metric for the quarter (e.g. 2026-Q4), its months, per unit, per type and per unit × type. The hotline centre, supervisors and admins every unit (or one); a district hotline body its own district\u2019s tickets only; an officer its own unit only.' })
  @Roles('hotline-agent', 'supervisor', 'admin', 'officer')
  quarterly(@Param('period') period: string, @Query() query: QuarterlyReportQueryDto, @CurrentPrincipal() who: Principal) {
    return this.handler.quarterly(period, query, who);
  }

  @Post('reports/quarterly/:period')
  @HttpCode(201)
  @ApiOperation({ summary: 'Generate the quarterly report to the provincial data administration: stored as an artefact, complaints.report.quarterly_generated published' })
  @Roles('supervisor', 'admin')
  generate(@Param('period') period: string, @Query() query: QuarterlyReportQueryDto, @CurrentPrincipal() who: Principal) {
    return this.handler.generate(period, query, who);
  }

  @Get('reports/quarterly/:period/generated/:id')
  @ApiOperation({ summary: 'A generated quarterly report, as it was generated: the hotline centre, supervisors and admins; an officer its own unit\u2019s; not a district hotline body (404)' })
  @Roles('hotline-agent', 'supervisor', 'admin', 'officer')
  generated(@Param('period') period: string, @Param('id') id: string, @CurrentPrincipal() who: Principal) {
    return this.handler.generated(period, id, who);
  }
}
