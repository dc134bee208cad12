import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import { DeclareOutageDto, ListOutagesQueryDto, OutageScriptDto, OutageUpdateDto, RecoverOutageDto } from './outage.dto';
import { OutageNoticesHandler, type OutageView } from './outage-notices.handler';

const version = (v: OutageView) => v.version;

/** Outage notices (故障公告, spec §4, 002 L1694): the unit keeps them, the centre's agents read them. */
@ApiTags('knowledge base')
@Controller('outage-notices')
export class OutageNoticesController {
  constructor(private readonly handler: OutageNoticesHandler) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'A unit declares an outage of its site or app: cause, start, affected services, expected recovery; the answer script is due within 1 ND of the start (002 L1694)' })
  @Roles('officer')
  @ETagFrom(version)
  declare(@Body() body: DeclareOutageDto, @CurrentPrincipal() who: Principal) {
    return this.handler.declare(body, who);
  }

  @Get()
  @ApiOperation({ summary: 'Active outage notices (?status=all for every one): the centre and oversight every unit\u2019s, an officer its own; latest start first' })
  @Roles('hotline-agent', 'supervisor', 'admin', 'officer')
  list(@Query() query: ListOutagesQueryDto, @CurrentPrincipal() who: Principal) {
    return this.handler.list(query, who);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One outage notice with the duties now (script due, update due): the centre any, an officer its unit\u2019s' })
  @Roles('hotline-agent', 'supervisor', 'admin', 'officer')
  @ETagFrom(version)
  read(@Param('id') id: string, @CurrentPrincipal() who: Principal) {
    return this.handler.read(id, who);
  }

  @Post(':id/script')
  @HttpCode(200)
  @ApiOperation({ summary: 'The unit supplies the answer script (应答口径); on time within 1 ND of the start (002 L1694)' })
  @Roles('officer')
  @ETagFrom(version)
  script(@Param('id') id: string, @Body() body: OutageScriptDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.publishScript(id, body, who, ifMatch);
  }

  @Post(':id/updates')
  @HttpCode(200)
  @ApiOperation({ summary: 'The unit updates the centre; once the outage lasts 2 ND, daily, with an updated script or call-floor support (002 L1694)' })
  @Roles('officer')
  @ETagFrom(version)
  update(@Param('id') id: string, @Body() body: OutageUpdateDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.postUpdate(id, body, who, ifMatch);
  }

  @Post(':id/recover')
  @HttpCode(200)
  @ApiOperation({ summary: 'The service is restored: the notice is RECOVERED and its timers end' })
  @Roles('officer')
  @ETagFrom(version)
  recover(@Param('id') id: string, @Body() body: RecoverOutageDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.recover(id, body, who, ifMatch);
  }
}
