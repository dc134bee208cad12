import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { CHANGE_REQUEST_STATES } from '@one-window/business-registration/domain';
import { ChangeRequestRepository, type ChangeRequestStatus } from '@one-window/business-registration/data-access';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { changeRequestView } from '../shared/change-request-view';
import { NotFoundError } from '../shared/errors';


export class ListChangeRequestsQueryDto {
  @ApiProperty({ enum: CHANGE_REQUEST_STATES, example: 'PENDING_REVIEW' }) @IsIn(CHANGE_REQUEST_STATES) status: ChangeRequestStatus;
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ description: 'The last id of the previous page' }) @IsOptional() @IsString() @Length(1, 64) after?: string;
}

/** An officer's queue of change requests: those of the officer's authority in one status, oldest first. */
@Injectable()
export class ListChangeRequestsHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly requests: ChangeRequestRepository,
  ) {}

  async execute(query: ListChangeRequestsQueryDto, authorityCode: string) {
    const limit = query.limit ?? 50;
    const rows = await this.requests.queue(this.ds.manager, authorityCode, query.status, { limit: limit + 1, ...(query.after ? { afterId: query.after } : {}) });
    const items = rows.slice(0, limit).map((s) => changeRequestView(s.doc));
    return { items, ...(rows.length > limit ? { next: items[items.length - 1].id } : {}) };
  }
}

@Controller('change-requests')
export class ListChangeRequestsController {
  constructor(private readonly handler: ListChangeRequestsHandler) {}

  @ApiOperation({ summary: 'The officer\u2019s queue of change requests, e.g. ?status=PENDING_REVIEW, or RESUBMITTED after a supplement round (own authority only).' })
  @Get()
  @Roles('officer')
  list(@Query() query: ListChangeRequestsQueryDto, @CurrentPrincipal() who: Principal) {
    if (!who.agencyId) throw new NotFoundError('Authority of', who.subject);
    return this.handler.execute(query, who.agencyId);
  }
}
