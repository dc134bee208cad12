import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { RecordVerificationAttemptDto } from './record-verification-attempt.dto';
import { RecordVerificationAttemptHandler } from './record-verification-attempt.handler';

@Controller('tickets')
export class RecordVerificationAttemptController {
  constructor(private readonly handler: RecordVerificationAttemptHandler) {}

  @Post(':id/verification-attempts')
  @HttpCode(200)
  @ApiOperation({ summary: 'Row #16: a verification call to the caller; 3 unanswered ≥15 min apart, or a refusal, allow CALLER_UNREACHABLE (002 L1519). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('officer')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: RecordVerificationAttemptDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}
