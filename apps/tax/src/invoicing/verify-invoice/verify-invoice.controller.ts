import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Request } from 'express';
import { principalOf, Public } from '@one-window/shared/auth';
import { InvoiceVerificationDto } from './verify-invoice.dto';
import { VerifyInvoiceHandler } from './verify-invoice.handler';

@Controller('public')
export class VerifyInvoiceController {
  constructor(private readonly handler: VerifyInvoiceHandler) {}

  @Post('invoice-verifications')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary:
      'Verify an invoice (查验) with its number, date of issue and the check code or the total: status valid (public fields only), mismatch (the fields that differ) or not_found. Public; every query is audited.',
  })
  verify(@Body() body: InvoiceVerificationDto, @Req() req: Request) {
    return this.handler.execute(body, principalOf(req)?.subject ?? null);
  }
}
