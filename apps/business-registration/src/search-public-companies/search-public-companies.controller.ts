import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Public } from '@one-window/shared/auth';
import { SearchPublicCompaniesQueryDto } from './search-public-companies.dto';
import { SearchPublicCompaniesHandler } from './search-public-companies.handler';

@Controller('public/companies')
export class SearchPublicCompaniesController {
  constructor(private readonly handler: SearchPublicCompaniesHandler) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Search the public register by name (公示): public fields only, the legal representative masked, the abnormal-list flag; paged. No token.' })
  search(@Query() query: SearchPublicCompaniesQueryDto) {
    return this.handler.execute(query);
  }
}
