import { Controller, Get, Injectable, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ChangeRequestRepository } from '@one-window/business-registration/data-access';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { changeRequestView } from '../shared/change-request-view';
import { NotFoundError } from '../shared/errors';

/** A change request, for the company's applicant who filed it or an officer of the authority (404 otherwise). */
@Injectable()
export class GetChangeRequestHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly requests: ChangeRequestRepository,
  ) {}

  async execute(uscc: string, id: string, who: Principal) {
    const stored = await this.requests.get(this.ds.manager, id);
    const r = stored?.doc;
    const visible =
      r !== undefined &&
      r.uscc === uscc &&
      ((who.roles.includes('applicant') && r.ownerId === who.subject) || (who.roles.includes('officer') && who.agencyId !== undefined && r.authorityCode === who.agencyId));
    if (!visible) throw new NotFoundError('Change request', id);
    return changeRequestView(r);
  }
}

@Controller('companies')
export class GetChangeRequestController {
  constructor(private readonly handler: GetChangeRequestHandler) {}

  @ApiOperation({ summary: 'A change request of the company and its decision (the applicant follows its progress).' })
  @Get(':uscc/change-requests/:id')
  @Roles('applicant', 'officer')
  get(@Param('uscc') uscc: string, @Param('id') id: string, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, id, who);
  }
}
