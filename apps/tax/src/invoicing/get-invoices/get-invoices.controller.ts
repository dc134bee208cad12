import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { InvoiceView } from '../shared/invoicing-views';
import { InvoicePageQueryDto } from './get-invoices.dto';
import { GetInvoicesHandler } from './get-invoices.handler';

@Controller('taxpayers/:taxpayerId/invoices')
export class GetInvoicesController {
  constructor(private readonly handler: GetInvoicesHandler) {}

  @Get()
  @ApiOperation({ summary: 'Invoices the taxpayer issued (blue and red letter), oldest first: to itself, officers of its bureau, supervisors, admins' })
  @Roles('applicant', 'officer', 'supervisor', 'admin')
  list(@Param('taxpayerId') taxpayerId: string, @Query() query: InvoicePageQueryDto, @CurrentPrincipal() who: Principal) {
    return this.handler.list(taxpayerId, query, who);
  }

  @Get(':invoiceNo')
  @ApiOperation({ summary: 'One invoice the taxpayer issued, with its document, status, delivery and reversal' })
  @Roles('applicant', 'officer', 'supervisor', 'admin')
  @ETagFrom((v: InvoiceView) => v.version)
  one(@Param('taxpayerId') taxpayerId: string, @Param('invoiceNo') invoiceNo: string, @CurrentPrincipal() who: Principal) {
    return this.handler.one(taxpayerId, invoiceNo, who);
  }
}
