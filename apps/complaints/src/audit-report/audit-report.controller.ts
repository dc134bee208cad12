import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { AuditReportDto } from './audit-report.dto';
import { AuditReportHandler } from './audit-report.handler';

@Controller('tickets')
export class AuditReportController {
  constructor(private readonly handler: AuditReportHandler) {}

  @Post(':id/audit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rows #19/#20: the centre (or a district hotline body, on its district\u2019s tickets) audits the report: PASS fixes onTime and the rating request goes out at once (5 ND window); FAIL sends it back, the clock resumes (002 L1454, L1539, L1634). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('hotline-agent')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: AuditReportDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}
