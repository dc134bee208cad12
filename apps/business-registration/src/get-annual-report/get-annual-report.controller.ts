import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { GetAnnualReportHandler } from './get-annual-report.handler';

@Controller('companies')
export class GetAnnualReportController {
  constructor(private readonly handler: GetAnnualReportHandler) {}

  @Get(':uscc/annual-reports/:year')
  @ApiOperation({ summary: 'A company’s annual report for a year, with its revisions: the company’s applicant and the officers of its authority (anyone else 404)' })
  @Roles('applicant', 'officer')
  get(@Param('uscc') uscc: string, @Param('year', ParseIntPipe) year: number, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, year, who);
  }
}
