import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { IssueInvoiceDto } from './issue-invoice.dto';
import { IssueInvoiceHandler } from './issue-invoice.handler';

@Controller('taxpayers/:taxpayerId/invoices')
export class IssueInvoiceController {
  constructor(private readonly handler: IssueInvoiceHandler) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Issue a fully digital e-invoice as the taxpayer (its own account only). Lines are computed (amount = quantity × unit price, tax = amount × rate, half up); the total must fit the month's remaining quota (422 tax.invoice.quota_exceeded). Delivered at once into the buyer's digital tax account. Honours Idempotency-Key.",
  })
  @Roles('applicant')
  issue(@Param('taxpayerId') taxpayerId: string, @Body() body: IssueInvoiceDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(taxpayerId, body, who);
  }
}
