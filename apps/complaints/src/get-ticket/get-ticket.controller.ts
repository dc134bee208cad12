import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { GetTicketHandler } from './get-ticket.handler';

@Controller('tickets')
export class GetTicketController {
  constructor(private readonly handler: GetTicketHandler) {}

  @Get(':id')
  @ApiOperation({
    summary:
      'A ticket as the caller may see it: the hotline centre\u2019s agents all (caller masked), a district hotline body (hotline-agent with a `district` claim) its district\u2019s only (caller masked), supervisors all (no caller), a unit its own (caller only as confidentiality allows), a guidance body or co-handler what it works on, the caller its own progress. Others: 404.',
  })
  @Roles('hotline-agent', 'supervisor', 'admin', 'officer', 'applicant')
  @ETagFrom((v: VersionedTicketView) => v.version)
  get(@Param('id') id: string, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(id, who);
  }
}
