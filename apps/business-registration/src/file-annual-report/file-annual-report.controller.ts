import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { FileAnnualReportDto } from './annual-report.dto';
import { FileAnnualReportHandler } from './file-annual-report.handler';

@Controller('companies')
export class FileAnnualReportController {
  constructor(private readonly handler: FileAnnualReportHandler) {}

  @Post(':uscc/annual-reports')
  @HttpCode(201)
  @ApiOperation({
    summary: 'File the annual report (年报, 多报合一) for a year: one filing for market regulation, tax, social insurance and customs; publishes registration.annual_report.filed',
    description:
      "The company's own `applicant` (anyone else 404). From the window's opening (1 January of the next year [NR, cfg]); on time until it closes (30 June), after that a late report (补报, `late: true`), which is what cures an ANNUAL_REPORT_OVERDUE listing. 422 `registration-annual-report-not-due` before the window opens or for a year before the company was established; 409 when already filed (correct it with PUT). The event carries the company's figures, never its contact details or persons.",
  })
  @Roles('applicant')
  file(@Param('uscc') uscc: string, @Body() body: FileAnnualReportDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, body, who);
  }
}
