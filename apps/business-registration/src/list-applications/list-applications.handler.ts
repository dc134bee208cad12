import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApplicationRepository } from '@one-window/business-registration/data-access';
import { applicationSummary } from '../shared/application-view';
import type { ListApplicationsQueryDto } from './list-applications.dto';

/** An officer's queue: the applications of the officer's authority in one status, oldest first. */
@Injectable()
export class ListApplicationsHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly applications: ApplicationRepository,
  ) {}

  async execute(query: ListApplicationsQueryDto, authorityCode: string) {
    const limit = query.limit ?? 50;
    const rows = await this.applications.queue(this.ds.manager, authorityCode, query.status, { limit: limit + 1, ...(query.after ? { afterId: query.after } : {}) });
    const items = rows.slice(0, limit).map((s) => applicationSummary(s.doc));
    return { items, ...(rows.length > limit ? { next: items[items.length - 1].id } : {}) };
  }
}
