import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { InvoicePageQueryDto } from '../get-invoices/get-invoices.dto';
import { UseInvoiceDto } from './account.dto';
import { AccountHandler } from './account.handler';

@Controller('taxpayers/:taxpayerId/account/invoices')
export class AccountController {
  constructor(private readonly handler: AccountHandler) {}

  @Get()
  @ApiOperation({ summary: "Invoices received in the taxpayer's digital tax account, oldest first: to itself, officers of its bureau, supervisors, admins" })
  @Roles('applicant', 'officer', 'supervisor', 'admin')
  list(@Param('taxpayerId') taxpayerId: string, @Query() query: InvoicePageQueryDto, @CurrentPrincipal() who: Principal) {
    return this.handler.list(taxpayerId, query, who);
  }

  @Post(':invoiceNo/uses')
  @HttpCode(200)
  @ApiOperation({ summary: 'Book, reimburse (once) or deduct (special invoices) a received invoice; a later red letter then needs the buyer’s confirmation' })
  @Roles('applicant')
  use(@Param('taxpayerId') taxpayerId: string, @Param('invoiceNo') invoiceNo: string, @Body() body: UseInvoiceDto, @CurrentPrincipal() who: Principal) {
    return this.handler.use(taxpayerId, invoiceNo, body, who);
  }
}
