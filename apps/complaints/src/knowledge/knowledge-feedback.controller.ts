import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import { ListFeedbackQueryDto, RaiseFeedbackDto, ResolveFeedbackDto } from './knowledge.dto';
import { KnowledgeFeedbackHandler } from './knowledge-feedback.handler';
import type { KnowledgeFeedbackView } from './knowledge-view';

const version = (v: KnowledgeFeedbackView) => v.version;

/** Knowledge point feedback (知识点反馈, 002 L1680–1682). */
@ApiTags('knowledge base')
@Controller('knowledge-feedback')
export class KnowledgeFeedbackController {
  constructor(private readonly handler: KnowledgeFeedbackHandler) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'The centre raises feedback to the point\u2019s unit (or asks a unit for a new point); due in 2 WD, urgent 1 WD (002 L1682)' })
  @Roles('hotline-agent')
  @ETagFrom(version)
  raise(@Body() body: RaiseFeedbackDto, @CurrentPrincipal() who: Principal) {
    return this.handler.raise(body, who);
  }

  @Get()
  @ApiOperation({ summary: 'Feedback (?status=&unitId=): the centre all, an officer its unit\u2019s; oldest first, cursor-paged with `after`' })
  @Roles('hotline-agent', 'supervisor', 'admin', 'officer')
  list(@Query() query: ListFeedbackQueryDto, @CurrentPrincipal() who: Principal) {
    return this.handler.list(query, who);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One feedback: the centre any, an officer its unit\u2019s' })
  @Roles('hotline-agent', 'supervisor', 'admin', 'officer')
  @ETagFrom(version)
  read(@Param('id') id: string, @CurrentPrincipal() who: Principal) {
    return this.handler.read(id, who);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'The unit acted (ADD, EDIT, REVIEW, RETIRE on named points) or answers NO_ACTION with a reason; a late answer is recorded as such' })
  @Roles('officer')
  @ETagFrom(version)
  resolve(@Param('id') id: string, @Body() body: ResolveFeedbackDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.resolve(id, body, who, ifMatch);
  }
}
