import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { PartnerPartView } from '../shared/setup-bundle-desk';
import { DeliverSealsHandler } from './deliver-seals.handler';

@Controller('companies')
export class DeliverSealsController {
  constructor(private readonly handler: DeliverSealsHandler) {}

  @Post(':uscc/bundle/seals/delivery')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Seal maker: the free seals were delivered to the window (late after the 1-hour clock; counted against the maker for the year)',
    description:
      "Role `integrator`: the seal maker's system, its token's `agency_id` = the maker id on the roster (the maker named in `registration.seal_order.dispatched`). Any other maker gets 404. `If-Match` optional.",
  })
  @Roles('integrator')
  @ETagFrom((v: PartnerPartView) => v.version)
  deliver(@Param('uscc') uscc: string, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(uscc, who, ifMatch);
  }
}
