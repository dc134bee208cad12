import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { DecideAbnormalRemovalHandler } from './decide-abnormal-removal.handler';
import { RemovalDecisionDto } from './removal-decision.dto';

@Controller('companies')
export class DecideAbnormalRemovalController {
  constructor(private readonly handler: DecideAbnormalRemovalHandler) {}

  @Post(':uscc/abnormal-listings/:id/decision')
  @HttpCode(200)
  @ApiOperation({
    summary: 'An officer of the company’s authority removes an entry after verifying the correction (registration.company.abnormal_removed), or rejects the company’s request',
    description:
      '`officer` of the company’s registration authority (anyone else 404). REMOVE, with or without a request: ANNUAL_REPORT_OVERDUE needs the missed report filed (409 `registration-abnormal-cause-not-cured`); the company’s `abnormalListed` flag is cleared when no other entry remains, and the forced-exit clock restarts. REJECT needs a pending request and a reason. An entry already removed: 409.',
  })
  @Roles('officer')
  decide(@Param('uscc') uscc: string, @Param('id') id: string, @Body() body: RemovalDecisionDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(uscc, id, body, who);
  }
}
