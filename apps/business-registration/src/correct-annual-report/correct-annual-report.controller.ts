import { Body, Controller, HttpCode, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { AnnualReportContentDto } from '../file-annual-report/annual-report.dto';
import { CorrectAnnualReportHandler } from './correct-annual-report.handler';

@Controller('companies')
export class CorrectAnnualReportController {
  constructor(private readonly handler: CorrectAnnualReportHandler) {}

  @Put(':uscc/annual-reports/:year')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Correct a filed annual report while its window is open: a new revision replaces the content; publishes registration.annual_report.filed again (revision 2+)',
    description:
      "The company's own `applicant` (anyone else 404; no report for the year 404). Until the window's last day (30 June [NR, cfg]); after it, or for a report filed late, 409 `registration-annual-report-correction-closed` (a correction of the published record is an officer's matter) [design].",
  })
  @Roles('applicant')
  correct(@Param('uscc') uscc: string, @Param('year', ParseIntPipe) year: number, @Body() body: AnnualReportContentDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, year, body, who);
  }
}
