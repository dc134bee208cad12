import { Body, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { TaxpayerRepository } from '@one-window/tax/data-access';
import { LocalDate } from '@one-window/shared/calendar';
import { Roles } from '@one-window/shared/auth';
import { validationProblem } from '@one-window/shared/http';
import { NotFoundError } from '../../shared/errors';
import { checkDateRange } from '../shared/date-range';
import { ProblemCodeInterceptor } from '../shared/problem-code.interceptor';
import { ScheduleObligationsDto } from './schedule-obligations.dto';
import { ScheduleObligationsHandler } from './schedule-obligations.handler';

/**
 * Admin operation: open a taxpayer's obligations for the periods overlapping [from, to] — later
 * periods (the registration consumer opens the current and the next), a year whose working
 * calendar was loaded late, or a past period to be filed late. Idempotent per (taxpayer, periodKey).
 */
@Controller('admin/obligation-schedules')
@UseInterceptors(ProblemCodeInterceptor)
export class ScheduleObligationsController {
  constructor(
    private readonly ds: DataSource,
    private readonly taxpayers: TaxpayerRepository,
    private readonly handler: ScheduleObligationsHandler,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Schedule obligations of a taxpayer for [from, to] (admin); answers the periodKeys created and those that existed' })
  async schedule(@Body() body: ScheduleObligationsDto) {
    checkDateRange(body);
    if (LocalDate.parse(body.from).plusDays(3 * 366).toString() < body.to) throw validationProblem([{ field: 'to', reason: 'must be within 3 years of from' }]);
    return this.ds.transaction(async (tx) => {
      const stored = await this.taxpayers.get(tx, body.taxpayerId);
      if (!stored) throw new NotFoundError('Taxpayer', body.taxpayerId);
      const result = await this.handler.schedule(tx, stored.doc, body.from, body.to, new Date());
      return { taxpayerId: body.taxpayerId, from: body.from, to: body.to, created: result.created, existing: result.existing };
    });
  }
}
