import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@one-window/shared/auth';
import { ApiFormatParam, Open311DiscoveryDto, Open311Operation, Open311ServiceDefinitionDto, Open311ServiceDto } from '../shared/open311-dtos';
import { Open311ExceptionFilter, requireFormat } from '../shared/open311-error';
import { render } from '../shared/open311-format';
import { Open311ServicesHandler } from './open311-services.handler';

/** GeoReport v2 discovery, service list and service definitions (spec §7). Public: no api_key needed to read. */
@Controller('open311/v2')
@Public()
@UseFilters(Open311ExceptionFilter)
@Open311Operation()
export class Open311ServicesController {
  constructor(private readonly handler: Open311ServicesHandler) {}

  @Get('discovery.:format')
  @ApiFormatParam()
  @ApiOperation({ summary: 'Open311 discovery: changeset, contact and the GeoReport v2 endpoint with its formats' })
  @ApiOkResponse({ type: Open311DiscoveryDto })
  discovery(@Param('format') format: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return render(res, requireFormat(format), 'discovery', this.handler.discovery(req));
  }

  @Get('services.:format')
  @ApiFormatParam()
  @ApiQuery({ name: 'jurisdiction_id', required: false, example: 'CN-44-01' })
  @ApiOperation({ summary: 'Open311 service list: one service per published template (service_code = scenario code)' })
  @ApiOkResponse({ type: [Open311ServiceDto] })
  services(@Param('format') format: string, @Query('jurisdiction_id') jurisdictionId: string | undefined, @Res({ passthrough: true }) res: Response) {
    const f = requireFormat(format);
    return render(res, f, 'services', this.handler.services(jurisdictionId || undefined));
  }

  @Get('services/:service_code.:format')
  @ApiFormatParam()
  @ApiQuery({ name: 'jurisdiction_id', required: false, example: 'CN-44-01' })
  @ApiOperation({ summary: 'Open311 service definition: the template\u2019s attributes, then the standard request_type, hide_fields and uscc' })
  @ApiOkResponse({ type: Open311ServiceDefinitionDto })
  definition(
    @Param('service_code') serviceCode: string,
    @Param('format') format: string,
    @Query('jurisdiction_id') jurisdictionId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const f = requireFormat(format);
    return render(res, f, 'definition', this.handler.definition(serviceCode, jurisdictionId || undefined));
  }
}
