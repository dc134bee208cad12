import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@one-window/shared/auth';
import { ApiFormatParam, Open311Operation, Open311TokenDto } from '../shared/open311-dtos';
import { Open311ExceptionFilter, requireFormat } from '../shared/open311-error';
import { render } from '../shared/open311-format';
import { GetOpen311TokenHandler } from './get-token.handler';

@Controller('open311/v2')
@Public()
@UseFilters(Open311ExceptionFilter)
@Open311Operation()
export class Open311TokensController {
  constructor(private readonly handler: GetOpen311TokenHandler) {}

  @Get('tokens/:token.:format')
  @ApiFormatParam()
  @ApiOperation({ summary: 'Open311 token of a batch request: [{service_request_id, token}] once registered, [] before, 404 when unknown' })
  @ApiOkResponse({ type: [Open311TokenDto] })
  async get(@Param('token') token: string, @Param('format') format: string, @Res({ passthrough: true }) res: Response) {
    const f = requireFormat(format);
    return render(res, f, 'requests', await this.handler.execute(token));
  }
}
