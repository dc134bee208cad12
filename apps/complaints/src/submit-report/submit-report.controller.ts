import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { SubmitReportDto } from './submit-report.dto';
import { SubmitReportHandler } from './submit-report.handler';

@Controller('tickets')
export class SubmitReportController {
  constructor(private readonly handler: SubmitReportHandler) {}

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rows #18/#25: the unit submits its handling report (办理情况报告) with the outcome code; the clock stops provisionally (002 L1539, L1580–1600). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('officer')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: SubmitReportDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}
