import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { NotFoundError } from '../shared/errors';
import { ForcedExitCandidatesQueryDto } from './forced-exit-candidates.dto';
import { ListForcedExitCandidatesHandler } from './list-forced-exit-candidates.handler';

@Controller('forced-exit-candidates')
export class ListForcedExitCandidatesController {
  constructor(private readonly handler: ListForcedExitCandidatesHandler) {}

  @Get()
  @ApiOperation({
    summary:
      'The officer’s forced-exit queue (强制退出候选): the candidates the nightly rule (02:00 Asia/Shanghai) recorded for the officer’s authority that wait for confirmation; or, with `asOf`, the rule assessed at that date',
    description:
      '`officer` (own authority’s companies only). The rule (domain `assessForcedExit`): the current, unbroken listing (its earliest LISTED entry) began at least 2 full years before the date and no `tax.return.filed` was received for the company between that day and the date. Without `asOf`: the recorded candidates still PROPOSED, each with `foundOn` (the night it was found; one per company) — confirming one moves it out of the queue. With `asOf`: computed on the current data, nothing recorded. Candidates only; an officer confirms, notifies and revokes separately [design].',
  })
  @Roles('officer')
  list(@Query() query: ForcedExitCandidatesQueryDto, @CurrentPrincipal() who: Principal) {
    if (!who.agencyId) throw new NotFoundError('Authority of', who.subject);
    return this.handler.execute(query, who.agencyId);
  }
}
