import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { CreditRepairConfirmationDto } from './credit-repair-confirmation.dto';
import { CreditRepairHandler } from './credit-repair.handler';

@Controller('credit-repair-updates')
export class CreditRepairController {
  constructor(private readonly handler: CreditRepairHandler) {}

  @Get()
  @ApiOperation({
    summary: "The officer's queue of credit-repair updates to make on the publicity system (信用修复)",
    description: '`officer`: the open (PENDING or OVERDUE) updates of companies of the officer’s registration authority, oldest request first, each with its `dueAt` (5 working days [cfg]).',
  })
  @Roles('officer')
  queue(@CurrentPrincipal() who: Principal) {
    return this.handler.queue(who);
  }

  @Post(':id/confirmation')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm the publicity system was updated for a credit-repair request: registration.credit_repair.updated',
    description: "`officer` of the company's registration authority (404 otherwise). UPDATED, `late` when after `dueAt`; a second confirmation 409.",
  })
  @Roles('officer')
  confirm(@Param('id') id: string, @Body() body: CreditRepairConfirmationDto, @CurrentPrincipal() who: Principal) {
    return this.handler.confirm(id, body, who);
  }
}
