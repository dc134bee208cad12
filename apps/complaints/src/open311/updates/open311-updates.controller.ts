import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@one-window/shared/auth';
import { Open311ApiKeyGuard, Open311Clients, type Open311Request } from '../shared/open311-clients';
import { ApiFormatParam, Open311Operation, Open311PostUpdateBody, Open311PostUpdateResultDto, Open311ServiceRequestUpdateDto } from '../shared/open311-dtos';
import { Open311Exception, Open311ExceptionFilter, requireFormat } from '../shared/open311-error';
import { render } from '../shared/open311-format';
import { GetOpen311UpdatesHandler } from './get-updates.handler';
import { PostOpen311UpdateHandler } from './post-update.handler';

/** FixMyStreet service request updates (spec §7): GET public, POST with an api_key from the original submitter only. */
@Controller('open311/v2')
@Public()
@UseFilters(Open311ExceptionFilter)
@Open311Operation()
export class Open311UpdatesController {
  constructor(
    private readonly get: GetOpen311UpdatesHandler,
    private readonly post: PostOpen311UpdateHandler,
    private readonly clients: Open311Clients,
  ) {}

  @Get('servicerequestupdates.:format')
  @ApiFormatParam()
  @ApiQuery({ name: 'start_date', required: false, description: 'W3C datetime, on the update\u2019s instant' })
  @ApiQuery({ name: 'end_date', required: false, description: 'W3C datetime; the window may not span more than 90 days (default: the last 90 days)' })
  @ApiQuery({ name: 'jurisdiction_id', required: false })
  @ApiOperation({
    summary:
      'FMS service request updates: one per public transition of a request\u2019s tickets (registered, dispatched, extended with the new deadline, re-dispatched, replied, re-handling, closed; long-running issue → action_scheduled), oldest first, at most 1,000; hidden requests never',
  })
  @ApiOkResponse({ type: [Open311ServiceRequestUpdateDto] })
  async list(@Param('format') format: string, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const f = requireFormat(format);
    return render(res, f, 'updates', await this.get.list(query));
  }

  @Post('servicerequestupdates.:format')
  @HttpCode(200)
  @UseGuards(Open311ApiKeyGuard)
  @ApiFormatParam()
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: Open311PostUpdateBody })
  @ApiHeader({ name: 'Authorization', required: false, description: 'Bearer token of the applicant who filed the request (same account)' })
  @ApiOperation({
    summary:
      'FMS POST update, from the original submitter only (same account or phone, else 403): while a supplement is awaited it is the supplement; while tickets are open, added facts; status=closed asks to withdraw',
  })
  @ApiOkResponse({ type: [Open311PostUpdateResultDto] })
  async create(@Param('format') format: string, @Body() body: Record<string, unknown>, @Req() req: Open311Request, @Res({ passthrough: true }) res: Response) {
    const f = requireFormat(format);
    const client = req.open311Client;
    if (!client) throw new Open311Exception(403, 'api_key is required');
    const principal = { subject: `open311:${client.id}`, roles: ['integrator' as const], name: client.name };
    const results = await this.post.execute(body, client, principal, this.clients.bearer(req));
    return render(res, f, 'updates', results.map((r) => ({ update_id: r.update_id })));
  }
}
