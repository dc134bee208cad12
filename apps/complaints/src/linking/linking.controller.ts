import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import { DuplicateCandidatesQueryDto, LinkTicketDto, MergeTicketsDto, UnmergeDto } from './linking.dto';
import { LinkingDesk, type MergeView } from './linking-desk';

const mergeVersion = (v: MergeView) => v.version;

/** Ticket links and duplicate candidates (spec §5). */
@ApiTags('links and merges')
@Controller('tickets')
export class TicketLinksController {
  constructor(private readonly desk: LinkingDesk) {}

  @Post(':id/links')
  @HttpCode(201)
  @ApiOperation({ summary: 'An agent links this ticket to another (REPEAT, SAME_ISSUE, DUPLICATE, RELATED; §5); complaints.ticket.linked for both ends. The same link twice: 409' })
  @Roles('hotline-agent')
  link(@Param('id') id: string, @Body() body: LinkTicketDto, @CurrentPrincipal() who: Principal) {
    return this.desk.link(id, body, who);
  }

  @Get(':id/links')
  @ApiOperation({ summary: 'The ticket\u2019s links, merges and the callers joined to it by merges (each owed a reply and a rating), for whoever may see the ticket' })
  @Roles('hotline-agent', 'supervisor', 'admin', 'officer')
  links(@Param('id') id: string, @CurrentPrincipal() who: Principal) {
    return this.desk.linksOf(id, who);
  }

  @Get(':id/duplicate-candidates')
  @ApiOperation({
    summary:
      'Duplicate candidates (§5): same jurisdiction and scenario, opened within 30 ND, same address id, ≤50 m or same USCC; best first with the score and its parts. Never merged automatically. ?addressId=&lat=&long= give the place when the intake has none.',
  })
  @Roles('hotline-agent')
  candidates(@Param('id') id: string, @Query() query: DuplicateCandidatesQueryDto, @CurrentPrincipal() who: Principal) {
    return this.desk.candidates(id, who, query);
  }
}

/** Merging (并单, spec §5): the originals are kept, callers and units informed. */
@ApiTags('links and merges')
@Controller('merges')
export class MergesController {
  constructor(private readonly desk: LinkingDesk) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'An agent merges the secondary into the primary (§5, row #30): the secondary closes MERGED and is kept, a DUPLICATE link is written, its caller joins the primary with their own reply and rating, the primary\u2019s clock is unchanged; callers and units to inform are recorded and published (complaints.merge.merged). Refusals: 422 complaints.merge.<reason>.',
  })
  @Roles('hotline-agent')
  @ETagFrom(mergeVersion)
  async merge(@Body() body: MergeTicketsDto, @CurrentPrincipal() who: Principal) {
    const done = await this.desk.merge({ primaryId: body.primaryTicketId, secondaryId: body.secondaryTicketId, reason: body.reason, ...(body.score !== undefined ? { score: body.score } : {}) }, who);
    return done.merge;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One merge record with its notification intents: the hotline centre, supervisors and admins (not a district hotline body)' })
  @Roles('hotline-agent', 'supervisor', 'admin')
  @ETagFrom(mergeVersion)
  read(@Param('id') id: string, @CurrentPrincipal() who: Principal) {
    return this.desk.readMerge(id, who);
  }

  @Post(':id/unmerge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unmerge while the primary is open (§5): the caller leaves the primary and gets a new ticket (REGISTERED, linked RELATED to the original); 422 complaints.merge.primary_closed once the primary closed' })
  @Roles('hotline-agent')
  @ETagFrom(mergeVersion)
  unmerge(@Param('id') id: string, @Body() body: UnmergeDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.desk.unmerge(id, body.reason, who, ifMatch);
  }
}
