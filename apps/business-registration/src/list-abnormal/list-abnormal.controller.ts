import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ListAbnormalDto } from './list-abnormal.dto';
import { ListAbnormalHandler } from './list-abnormal.handler';

@Controller('companies')
export class ListAbnormalController {
  constructor(private readonly handler: ListAbnormalHandler) {}

  @Post(':uscc/abnormal-listings')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Put a company on the abnormal-operations list (经营异常名录) for a cause an officer finds; publishes registration.company.abnormal_listed',
    description:
      '`officer` of the company’s registration authority (anyone else 404). Causes: UNREACHABLE_AT_ADDRESS, FALSIFIED_PUBLICITY, INFORMATION_NOT_PUBLISHED (a missed annual report is listed by the system at the deadline). 409 `registration-abnormal-already-listed` when the company is on the list for that cause.',
  })
  @Roles('officer')
  list(@Param('uscc') uscc: string, @Body() body: ListAbnormalDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, body, who);
  }
}
