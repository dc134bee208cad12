import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsLatitude, IsLongitude, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** Links an agent may write by hand (SPLIT_SIBLING is automatic; DUPLICATE is what a merge writes, but may also be recorded alone). */
export const MANUAL_LINK_TYPES = ['REPEAT', 'SAME_ISSUE', 'DUPLICATE', 'RELATED'] as const;
export type ManualLinkType = (typeof MANUAL_LINK_TYPES)[number];

export class LinkTicketDto {
  @ApiProperty({ enum: MANUAL_LINK_TYPES, description: 'REPEAT: this → the earlier, closed ticket of the same caller (002 L1608); SAME_ISSUE: one long-running issue (002 L1624); DUPLICATE: this → the primary; RELATED: anything else' })
  @IsIn(MANUAL_LINK_TYPES)
  type: ManualLinkType;
  @ApiProperty({ description: 'The other ticket' }) @IsString() @Length(1, 64) toTicketId: string;
  @ApiPropertyOptional({ description: 'SAME_ISSUE: the long-running issue both tickets belong to' }) @IsOptional() @IsString() @Length(1, 64) issueId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class MergeTicketsDto {
  @ApiProperty({ description: 'The ticket that stays open and gains the caller' }) @IsString() @Length(1, 64) primaryTicketId: string;
  @ApiProperty({ description: 'The ticket that closes MERGED (kept as it was)' }) @IsString() @Length(1, 64) secondaryTicketId: string;
  @ApiProperty({ description: 'Why both are the same matter' }) @IsString() @Length(1, 2000) reason: string;
  @ApiPropertyOptional({ description: 'The candidate score shown to the agent' }) @IsOptional() @IsNumber() @Min(0) @Max(1) score?: number;
}

export class UnmergeDto {
  @ApiProperty() @IsString() @Length(1, 2000) reason: string;
}

export class DuplicateCandidatesQueryDto {
  @ApiPropertyOptional({ description: 'The address id the caller gave, when the intake has none' }) @IsOptional() @IsString() @Length(1, 64) addressId?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsLatitude() lat?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsLongitude() long?: number;
}
