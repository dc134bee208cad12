import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class ForcedExitCandidatesQueryDto {
  @ApiPropertyOptional({ example: '2029-07-02', description: 'Assess the rule at this day (Asia/Shanghai) on the current data instead of listing the candidates the nightly rule recorded' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  asOf?: string;
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ description: 'The last credit code of the previous page' }) @IsOptional() @IsString() @Length(18, 18) after?: string;
}
