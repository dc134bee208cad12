import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export const PERIOD = /^\d{4}-(\d{2}(-\d{2})?|Q[1-4])$/;
export const QUARTER = /^\d{4}-Q[1-4]$/;

export class MetricsQueryDto {
  @ApiProperty({ example: '2026-Q4', description: 'A day (2026-10-09), a month (2026-10) or a quarter (2026-Q4), in the jurisdiction\u2019s local calendar' })
  @Matches(PERIOD, { message: 'period must be YYYY-MM-DD, YYYY-MM or YYYY-Qn' })
  period: string;
  @ApiPropertyOptional({ description: 'Agents and supervisors: one unit (its lead tickets); an officer always sees its own unit only' }) @IsOptional() @IsString() @Length(1, 64) unitId?: string;
  @ApiPropertyOptional({ description: 'One jurisdiction (default: all)' }) @IsOptional() @IsString() @Length(2, 20) jurisdictionId?: string;
}

export class QuarterlyReportQueryDto {
  @ApiPropertyOptional({ description: 'Agents and supervisors: one unit; an officer always sees its own unit only' }) @IsOptional() @IsString() @Length(1, 64) unitId?: string;
  @ApiPropertyOptional({ description: 'One jurisdiction (default: all)' }) @IsOptional() @IsString() @Length(2, 20) jurisdictionId?: string;
}
