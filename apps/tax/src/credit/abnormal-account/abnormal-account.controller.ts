import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { AbnormalDesignationDto } from './abnormal-account.dto';
import { AbnormalAccountHandler } from './abnormal-account.handler';

@Controller('taxpayers')
export class AbnormalAccountController {
  constructor(private readonly handler: AbnormalAccountHandler) {}

  @Post(':taxpayerId/abnormal-designation')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Designate the taxpayer an abnormal account (非正常户): tax.taxpayer.abnormal_designated',
    description: "`officer` of the taxpayer's bureau, acting as its risk officer (404 otherwise). ACTIVE → ABNORMAL with the reason; from any other status 409.",
  })
  @Roles('officer')
  designate(@Param('taxpayerId') taxpayerId: string, @Body() body: AbnormalDesignationDto, @CurrentPrincipal() who: Principal) {
    return this.handler.designate(taxpayerId, body.reason, who);
  }

  @Post(':taxpayerId/abnormal-lifting')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Lift the abnormal-account status once the overdue returns are filed: tax.taxpayer.abnormal_lifted',
    description: "`officer` of the taxpayer's bureau (404 otherwise). ABNORMAL → ACTIVE; 409 `tax-overdue-returns-open` naming `periodKeys` while an overdue obligation is still open; not ABNORMAL 409.",
  })
  @Roles('officer')
  lift(@Param('taxpayerId') taxpayerId: string, @CurrentPrincipal() who: Principal) {
    return this.handler.lift(taxpayerId, who);
  }
}
