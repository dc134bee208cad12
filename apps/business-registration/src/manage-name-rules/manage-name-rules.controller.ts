import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { NameRulesDto } from './name-rules.dto';
import { ManageNameRulesHandler } from './manage-name-rules.handler';

@Controller('admin/name-rules')
export class ManageNameRulesController {
  constructor(private readonly handler: ManageNameRulesHandler) {}

  @Get()
  @ApiOperation({ summary: 'The name rules in force and every published version: admins' })
  @Roles('admin')
  current() {
    return this.handler.current();
  }

  @Get(':version')
  @ApiOperation({ summary: 'One published version of the name rules: admins' })
  @Roles('admin')
  get(@Param('version') version: string) {
    return this.handler.get(version);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Publish a new version of the name rules (prohibited, restricted, sensitive and industry words, organisation forms): admins; in force at once' })
  @Roles('admin')
  publish(@Body() body: NameRulesDto, @CurrentPrincipal() who: Principal) {
    return this.handler.publish(body, who.subject);
  }
}
