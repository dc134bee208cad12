import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Public } from '@one-window/shared/auth';
import { GetPublicAbnormalListHandler } from './get-public-abnormal-list.handler';
import { PublicAbnormalListQueryDto } from './public-abnormal-list.dto';

@Controller('public/abnormal-list')
export class GetPublicAbnormalListController {
  constructor(private readonly handler: GetPublicAbnormalListHandler) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'The abnormal-operations list (经营异常名录) as published: companies listed now, with the reason and the listing date, latest first; paged. No token, no personal data.',
  })
  list(@Query() query: PublicAbnormalListQueryDto) {
    return this.handler.execute(query);
  }
}
