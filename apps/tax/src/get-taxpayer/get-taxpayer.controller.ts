import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { TaxpayerView } from '../shared/taxpayer-view';
import { GetTaxpayerHandler } from './get-taxpayer.handler';

@Controller('taxpayers')
export class GetTaxpayerController {
  constructor(private readonly handler: GetTaxpayerHandler) {}

  @Get(':taxpayerId')
  @ApiOperation({ summary: 'A taxpayer: to itself, an officer of its tax bureau, a supervisor or admin (404 to anyone else)' })
  @Roles('applicant', 'officer', 'supervisor', 'admin')
  @ETagFrom((v: TaxpayerView) => v.version)
  get(@Param('taxpayerId') taxpayerId: string, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(taxpayerId, who);
  }
}
