import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import {
  ConfirmValidityDto,
  DraftKnowledgePointDto,
  EditKnowledgePointDto,
  PublishKnowledgePointDto,
  RejectReviewDto,
  RetireKnowledgePointDto,
  SearchKnowledgePointsQueryDto,
} from './knowledge.dto';
import { KnowledgePointsHandler } from './knowledge-points.handler';
import type { KnowledgePointView } from './knowledge-view';

const version = (v: KnowledgePointView) => v.version;

/** The knowledge base (热线知识库, spec §4): units maintain their own points; the centre searches the published ones. */
@ApiTags('knowledge base')
@Controller('knowledge-points')
export class KnowledgePointsController {
  constructor(private readonly handler: KnowledgePointsHandler) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: '新增: an officer drafts a knowledge point of its own unit (002 L1676)' })
  @Roles('officer')
  @ETagFrom(version)
  draft(@Body() body: DraftKnowledgePointDto, @CurrentPrincipal() who: Principal) {
    return this.handler.draft(body, who);
  }

  @Get()
  @ApiOperation({ summary: 'Search points (?q=&category=&status=&usable=): agents get the published, unexpired ones by default; an officer its own unit\u2019s' })
  @Roles('hotline-agent', 'supervisor', 'admin', 'officer')
  search(@Query() query: SearchKnowledgePointsQueryDto, @CurrentPrincipal() who: Principal) {
    return this.handler.search(query, who);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One point: the centre and oversight any, an officer its own unit\u2019s' })
  @Roles('hotline-agent', 'supervisor', 'admin', 'officer')
  @ETagFrom(version)
  read(@Param('id') id: string, @CurrentPrincipal() who: Principal) {
    return this.handler.read(id, who);
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改: edit a draft of the own unit. Send If-Match with the ETag you read (stale: 412).' })
  @Roles('officer')
  @ETagFrom(version)
  edit(@Param('id') id: string, @Body() body: EditKnowledgePointDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.edit(id, body, who, ifMatch);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'To review: basis, scope, subjects and conditions stated (002 L1676), else 422' })
  @Roles('officer')
  @ETagFrom(version)
  submit(@Param('id') id: string, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.submit(id, who, ifMatch);
  }

  @Post(':id/reject-review')
  @HttpCode(200)
  @ApiOperation({ summary: '审核 not passed: back to DRAFT with the reviewer\u2019s note' })
  @Roles('officer')
  @ETagFrom(version)
  rejectReview(@Param('id') id: string, @Body() body: RejectReviewDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.rejectReview(id, body, who, ifMatch);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '审核 passed: published with its validity; validUntil − validFrom within the cap of the kind (POLICY_LAW 5 y, SERVICE_GUIDE 1 y, ANSWER_SCRIPT 6 m, INTERPRETATION_OTHER 1 y; 002 L1678), else 422. Expiry reminders at 30 and 7 ND before, and the expiry itself, are scheduled.',
  })
  @Roles('officer')
  @ETagFrom(version)
  publish(@Param('id') id: string, @Body() body: PublishKnowledgePointDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.publish(id, body, who, ifMatch);
  }

  @Post(':id/confirm-validity')
  @HttpCode(200)
  @ApiOperation({ summary: '确认有效性 before expiry (002 L1678): a new period from now, capped again; reminders start over' })
  @Roles('officer')
  @ETagFrom(version)
  confirmValidity(@Param('id') id: string, @Body() body: ConfirmValidityDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.confirmValidity(id, body, who, ifMatch);
  }

  @Post(':id/retire')
  @HttpCode(200)
  @ApiOperation({ summary: '下架: retire a published point of the own unit (002 L1676)' })
  @Roles('officer')
  @ETagFrom(version)
  retire(@Param('id') id: string, @Body() body: RetireKnowledgePointDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.retire(id, body, who, ifMatch);
  }
}
