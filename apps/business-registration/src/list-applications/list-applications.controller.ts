import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { NotFoundError } from '../shared/errors';
import { ListApplicationsQueryDto } from './list-applications.dto';
import { ListApplicationsHandler } from './list-applications.handler';

@Controller('applications')
export class ListApplicationsController {
  constructor(private readonly handler: ListApplicationsHandler) {}

  @ApiOperation({ summary: 'The officer\u2019s queue, e.g. ?status=PENDING_ACCEPTANCE (own authority only).' })
  @Get()
  @Roles('officer')
  list(@Query() query: ListApplicationsQueryDto, @CurrentPrincipal() who: Principal) {
    if (!who.agencyId) throw new NotFoundError('Authority of', who.subject);
    return this.handler.execute(query, who.agencyId);
  }
}
