import { Body, Controller, Headers, HttpCode, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { IdempotencyKeyRequiredError } from '../shared/filing-errors';
import { ProblemCodeInterceptor } from '../shared/problem-code.interceptor';
import { FileReturnDto } from './file-return.dto';
import { FileReturnHandler } from './file-return.handler';

@Controller('taxpayers/:taxpayerId/returns')
@UseInterceptors(ProblemCodeInterceptor)
export class FileReturnController {
  constructor(private readonly handler: FileReturnHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('applicant')
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'Required: a retry with the same key and body gets the same receipt' })
  @ApiOperation({
    summary:
      "File a return for an obligation (the taxpayer's own account): 201 with Receipt-Id header and {receiptId, formBundleNo, processedAt}; " +
      'finalised false 422; second return for the period 409 duplicate-return (amend instead); a small-scale VAT return sends sales and gets its lines assessed with the relief rules of the period',
  })
  async file(
    @Param('taxpayerId') taxpayerId: string,
    @Body() body: FileReturnDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentPrincipal() who: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (!idempotencyKey) throw new IdempotencyKeyRequiredError();
    const receipt = await this.handler.execute(taxpayerId, body, who);
    res.setHeader('Location', `/api/v1/tax/taxpayers/${encodeURIComponent(taxpayerId)}/returns/${receipt.returnId}`);
    return receipt;
  }
}
