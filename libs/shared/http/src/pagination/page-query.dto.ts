import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** Query parameters of every list endpoint. Extend it to add filters. */
export class PageQueryDto {
  @ApiPropertyOptional({ description: 'Opaque cursor from `nextPageToken` of the previous page.' })
  @IsOptional()
  @MaxLength(1024)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'pageToken must be a token returned as nextPageToken' })
  pageToken?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = DEFAULT_PAGE_SIZE;
}
