import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { PartnerPartView } from '../shared/setup-bundle-desk';
import { HandOverSealsHandler } from './hand-over-seals.handler';

@Controller('companies')
export class HandOverSealsController {
  constructor(private readonly handler: HandOverSealsHandler) {}

  @Post(':uscc/bundle/seals/hand-over')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Window: the delivered seals were handed over with the licence (一窗通取); the seal part is done',
    description: "Role `officer` of the company's registration authority (agency_id = authority code); others get 404. `If-Match` optional.",
  })
  @Roles('officer')
  @ETagFrom((v: PartnerPartView) => v.version)
  handOver(@Param('uscc') uscc: string, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(uscc, who, ifMatch);
  }
}
