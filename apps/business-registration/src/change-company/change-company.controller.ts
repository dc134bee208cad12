import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ChangeCompanyDto } from './change-company.dto';
import { ChangeCompanyHandler } from './change-company.handler';

@Controller('companies')
export class ChangeCompanyController {
  constructor(private readonly handler: ChangeCompanyHandler) {}

  @Post(':uscc/changes')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Change registration (变更登记) by the company’s applicant: registered at once when every rule passes (201, publishes registration.company.changed); otherwise queued for an officer of the authority as a change request (202, with the failed checks)',
  })
  @ApiResponse({ status: 201, description: 'Registered at once (秒批)' })
  @ApiResponse({ status: 202, description: 'A change request PENDING_REVIEW in the authority’s queue; see GET /companies/{uscc}/change-requests/{id}' })
  @Roles('applicant')
  async change(@Param('uscc') uscc: string, @Body() body: ChangeCompanyDto, @CurrentPrincipal() who: Principal, @Res({ passthrough: true }) res: Response) {
    const result = await this.handler.execute(uscc, body, who.subject);
    if ('registered' in result) return result.registered;
    res.status(202).location(`companies/${uscc}/change-requests/${result.pending.id}`);
    return result.pending;
  }
}
