import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { DeregistrationView } from '../shared/deregistration-view';
import { ApplyDeregistrationDto } from './apply-deregistration.dto';
import { ApplyDeregistrationHandler } from './apply-deregistration.handler';

@Controller('companies')
export class ApplyDeregistrationController {
  constructor(private readonly handler: ApplyDeregistrationHandler) {}

  @Post(':uscc/deregistrations')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Apply for deregistration (注销): SIMPLIFIED starts the public notice, ORDINARY waits for tax and social-insurance clearance, COURT goes to review',
    description:
      "SIMPLIFIED and ORDINARY: the company's own `applicant` (anyone else 404). SIMPLIFIED is refused (422, reasons named) on the abnormal list, under bankruptcy, or without every investor's commitment; it publishes `registration.deregistration.requested` + `.notice_published` and a durable timer ends the notice. ORDINARY publishes `registration.deregistration.requested` (tax opens its clearance case from it). COURT: a `court` or `administrator` token with `courtRulingRef`; review starts at once. One open deregistration per company (409).",
  })
  @Roles('applicant', 'court', 'administrator')
  @ETagFrom((v: DeregistrationView) => v.version)
  apply(@Param('uscc') uscc: string, @Body() body: ApplyDeregistrationDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, body, who);
  }
}
