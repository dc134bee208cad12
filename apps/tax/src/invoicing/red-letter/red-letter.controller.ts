import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { RedLetterDto } from './red-letter.dto';
import { RedLetterHandler } from './red-letter.handler';

@Controller('taxpayers/:taxpayerId/invoices/:invoiceNo')
export class RedLetterController {
  constructor(private readonly handler: RedLetterHandler) {}

  @Post('red-letter')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Reverse an invoice with a red-letter credit note, as its issuer (once per invoice; 409 tax.invoice.red_letter_exists for a second). 409 tax.invoice.buyer_confirmation_required while the buyer used it and has not confirmed.',
  })
  @Roles('applicant')
  issue(@Param('taxpayerId') taxpayerId: string, @Param('invoiceNo') invoiceNo: string, @Body() body: RedLetterDto, @CurrentPrincipal() who: Principal) {
    return this.handler.issue(taxpayerId, invoiceNo, body, who);
  }

  @Post('red-letter-confirmations')
  @HttpCode(201)
  @ApiOperation({ summary: "The buyer (taxpayerId = the invoice's buyer) confirms a red letter of an invoice it received and already used" })
  @Roles('applicant')
  confirm(@Param('taxpayerId') taxpayerId: string, @Param('invoiceNo') invoiceNo: string, @CurrentPrincipal() who: Principal) {
    return this.handler.confirm(taxpayerId, invoiceNo, who);
  }
}
