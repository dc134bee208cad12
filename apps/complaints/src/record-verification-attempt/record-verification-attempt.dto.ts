import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsOptional } from 'class-validator';

export class RecordVerificationAttemptDto {
  @ApiPropertyOptional({ description: 'When the call was made (default now)' }) @IsOptional() @IsISO8601({ strict: true }) at?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() refused?: boolean;
}
