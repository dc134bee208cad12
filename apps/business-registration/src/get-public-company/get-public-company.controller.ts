import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Public } from '@one-window/shared/auth';
import { GetPublicCompanyHandler } from './get-public-company.handler';

@Controller('public/companies')
export class GetPublicCompanyController {
  constructor(private readonly handler: GetPublicCompanyHandler) {}

  @ApiOperation({ summary: 'A registered company\u2019s public fields, by credit code (404 if unknown). Public.' })
  @Get(':uscc')
  @Public()
  get(@Param('uscc') uscc: string) {
    return this.handler.execute(uscc);
  }
}
