import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@one-window/shared/auth';
import { Open311ApiKeyGuard, Open311Clients, type Open311Request } from '../shared/open311-clients';
import { ApiFormatParam, Open311Operation, Open311PostRequestBody, Open311PostResultDto, Open311ServiceRequestDto } from '../shared/open311-dtos';
import { Open311Exception, Open311ExceptionFilter, requireFormat } from '../shared/open311-error';
import { render } from '../shared/open311-format';
import { GetOpen311RequestsHandler } from './get-requests.handler';
import { PostOpen311RequestHandler } from './post-request.handler';

/** GeoReport v2 service requests (spec §7): POST with an api_key; GET public (an applicant token adds the submitter's own view). */
@Controller('open311/v2')
@Public()
@UseFilters(Open311ExceptionFilter)
@Open311Operation()
export class Open311RequestsController {
  constructor(
    private readonly post: PostOpen311RequestHandler,
    private readonly get: GetOpen311RequestsHandler,
    private readonly clients: Open311Clients,
  ) {}

  @Post('requests.:format')
  @HttpCode(200)
  @UseGuards(Open311ApiKeyGuard)
  @ApiFormatParam()
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: Open311PostRequestBody })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Replays the first response for a retried POST (per client)' })
  @ApiHeader({ name: 'Authorization', required: false, description: 'Bearer token of an applicant: required by realNameRequired templates (else 400 "real-name identity required")' })
  @ApiOperation({
    summary:
      'Open311 POST service request: creates a Submission (channel OPEN311) from a registered client (api_key). Realtime services answer with service_request_id, batch services with a token.',
  })
  @ApiOkResponse({ type: [Open311PostResultDto] })
  async create(@Param('format') format: string, @Body() body: Record<string, unknown>, @Req() req: Open311Request, @Res({ passthrough: true }) res: Response) {
    const f = requireFormat(format);
    const client = req.open311Client;
    if (!client) throw new Open311Exception(403, 'api_key is required');
    return render(res, f, 'requests', await this.post.execute(body, client, this.clients.bearer(req)));
  }

  @Get('requests.:format')
  @ApiFormatParam()
  @ApiQuery({ name: 'service_request_id', required: false, description: 'Comma list; overrides every other filter' })
  @ApiQuery({ name: 'service_code', required: false, description: 'Comma list' })
  @ApiQuery({ name: 'status', required: false, description: 'open, closed (comma list)' })
  @ApiQuery({ name: 'start_date', required: false, description: 'W3C datetime; on requested_datetime' })
  @ApiQuery({ name: 'end_date', required: false, description: 'W3C datetime; the window may not span more than 90 days (default: the last 90 days)' })
  @ApiQuery({ name: 'jurisdiction_id', required: false })
  @ApiOperation({ summary: 'Open311 GET service requests: newest first, at most 1,000; REPORT and other hidden requests are never listed' })
  @ApiOkResponse({ type: [Open311ServiceRequestDto] })
  async list(@Param('format') format: string, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const f = requireFormat(format);
    return render(res, f, 'requests', await this.get.list(query));
  }

  @Get('requests/:id.:format')
  @ApiFormatParam()
  @ApiOperation({ summary: 'Open311 GET one service request (a one-element list); 404 when unknown or hidden (REPORT) unless the submitter asks with its applicant token' })
  @ApiOkResponse({ type: [Open311ServiceRequestDto] })
  async one(@Param('id') id: string, @Param('format') format: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const f = requireFormat(format);
    return render(res, f, 'requests', await this.get.one(id, this.clients.bearer(req)));
  }
}
