import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { StartDormancyDto } from './dormancy.dto';
import { DormancyHandler } from './dormancy.handler';

@Controller('companies')
export class DormancyController {
  constructor(private readonly handler: DormancyHandler) {}

  @Post(':uscc/dormancy')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Suspend business (歇业) for a hardship reason: registration.company.dormancy_started',
    description:
      "The company's own `applicant` (404 otherwise). ACTIVE → DORMANT from today until `endsOn` (default and latest: the same day 3 years on [cfg]; later or earlier than today 422 `registration-dormancy-period-not-allowed`); it resumes by itself the day after. Not ACTIVE: 409.",
  })
  @Roles('applicant')
  start(@Param('uscc') uscc: string, @Body() body: StartDormancyDto, @CurrentPrincipal() who: Principal) {
    return this.handler.start(uscc, body, who);
  }

  @Post(':uscc/dormancy/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume business after dormancy: registration.company.dormancy_ended (RESUMED)', description: "The company's own `applicant` (404 otherwise). DORMANT → ACTIVE; not DORMANT: 409." })
  @Roles('applicant')
  end(@Param('uscc') uscc: string, @CurrentPrincipal() who: Principal) {
    return this.handler.end(uscc, who);
  }
}
