import { Body, Controller, Headers, HttpCode, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { IdempotencyKeyRequiredError } from '../shared/filing-errors';
import { ProblemCodeInterceptor } from '../shared/problem-code.interceptor';
import { AmendReturnDto } from './amend-return.dto';
import { AmendReturnHandler } from './amend-return.handler';

@Controller('taxpayers/:taxpayerId/returns/:returnId/amendments')
@UseInterceptors(ProblemCodeInterceptor)
export class AmendReturnController {
  constructor(private readonly handler: AmendReturnHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('applicant')
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      "Amend the latest version of a return (更正申报, the taxpayer's own account): 201 with Receipt-Id, the new version's receipt and the liability deltas; " +
      'not the latest version 409',
  })
  async amend(
    @Param('taxpayerId') taxpayerId: string,
    @Param('returnId') returnId: string,
    @Body() body: AmendReturnDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentPrincipal() who: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (!idempotencyKey) throw new IdempotencyKeyRequiredError();
    const receipt = await this.handler.execute(taxpayerId, returnId, body, who);
    res.setHeader('Location', `/api/v1/tax/taxpayers/${encodeURIComponent(taxpayerId)}/returns/${receipt.returnId}`);
    return receipt;
  }
}
