import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { GetAbnormalListingsHandler } from './get-abnormal-listings.handler';

@Controller('companies')
export class GetAbnormalListingsController {
  constructor(private readonly handler: GetAbnormalListingsHandler) {}

  @Get(':uscc/abnormal-listings')
  @ApiOperation({ summary: 'A company’s abnormal-list entries, listed and removed, with requests and decisions: the company’s applicant and the officers of its authority (anyone else 404)' })
  @Roles('applicant', 'officer')
  get(@Param('uscc') uscc: string, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, who);
  }
}
