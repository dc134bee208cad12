import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { RegisterSubmissionDto } from './register-submission.dto';
import { RegisterSubmissionHandler } from './register-submission.handler';

@Controller('submissions')
export class RegisterSubmissionController {
  constructor(private readonly handler: RegisterSubmissionHandler) {}

  @Post(':id/registration')
  @HttpCode(201)
  @ApiOperation({ summary: 'Registration (登记), by the hotline centre (tickets take the submission\u2019s area as their district): one ticket per item / unit, optionally dispatched at once from the dispatch catalogue; publishes ticket.registered (and ticket.dispatched)' })
  @Roles('hotline-agent')
  run(@Param('id') id: string, @Body() body: RegisterSubmissionDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}
