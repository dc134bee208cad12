import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { AnswerFromKnowledgeBaseDto } from './answer-from-knowledge-base.dto';
import { AnswerFromKnowledgeBaseHandler } from './answer-from-knowledge-base.handler';

@Controller('tickets')
export class AnswerFromKnowledgeBaseController {
  constructor(private readonly handler: AnswerFromKnowledgeBaseHandler) {}

  @Post(':id/answer-from-kb')
  @HttpCode(200)
  @ApiOperation({ summary: 'Row #2: the agent answers a CONSULTATION from published, unexpired knowledge points; closes ANSWERED_FROM_KB (002 L1527). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('hotline-agent')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: AnswerFromKnowledgeBaseDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}
