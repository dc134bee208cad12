import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsOptional } from 'class-validator';

export class RecordSupplementCallDto {
  @ApiPropertyOptional({ description: 'When the failed call was made (default now)' }) @IsOptional() @IsISO8601({ strict: true }) at?: string;
  @ApiPropertyOptional({ description: 'The caller refused to give the information' }) @IsOptional() @IsBoolean() refused?: boolean;
}
