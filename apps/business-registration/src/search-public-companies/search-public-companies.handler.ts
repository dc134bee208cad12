import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CompanyRepository } from '@one-window/business-registration/data-access';
import { publicCompanyView } from '../shared/public-company';
import type { SearchPublicCompaniesQueryDto } from './search-public-companies.dto';

/** Companies whose name contains the text, by name, as the public register shows them. */
@Injectable()
export class SearchPublicCompaniesHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly companies: CompanyRepository,
  ) {}

  async execute(query: SearchPublicCompaniesQueryDto) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const found = await this.companies.searchByName(this.ds.manager, query.name.trim(), { offset: (page - 1) * pageSize, limit: pageSize });
    return { page, pageSize, total: found.total, items: found.items.map(publicCompanyView) };
  }
}
