import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { EstablishmentFormDto } from './establishment-form.dto';
import { SubmitApplicationHandler } from './submit-application.handler';

@Controller('applications')
export class SubmitApplicationController {
  constructor(private readonly handler: SubmitApplicationHandler) {}

  @ApiOperation({ summary: 'Submit the one form: REGISTERED at once when every auto check passes (秒批), else PENDING_ACCEPTANCE with the failed checks.' })
  @Post()
  @HttpCode(201)
  @Roles('applicant')
  submit(@Body() body: EstablishmentFormDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(body, who.subject);
  }
}
