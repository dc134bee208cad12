import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Public } from '@one-window/shared/auth';
import { GetDeregistrationNoticeHandler } from './get-deregistration-notice.handler';

@Controller('public/companies')
export class GetDeregistrationNoticeController {
  constructor(private readonly handler: GetDeregistrationNoticeHandler) {}

  @Get(':uscc/deregistration-notice')
  @Public()
  @ApiOperation({
    summary: 'The public notice of a company’s simplified deregistration (简易注销公告): period, whether objected, status. Public',
    description: 'The latest simplified case of the company (404 when it never had one). Who objected and why is not public.',
  })
  get(@Param('uscc') uscc: string) {
    return this.handler.execute(uscc);
  }
}
