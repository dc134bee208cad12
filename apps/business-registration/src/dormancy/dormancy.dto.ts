import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { DORMANCY_REASONS } from '@one-window/business-registration/domain';

/** A company's notice of dormancy (歇业, §8). */
export class StartDormancyDto {
  @ApiProperty({ enum: DORMANCY_REASONS, description: 'The hardship behind it [NR]' }) @IsIn(DORMANCY_REASONS) reasonCode: (typeof DORMANCY_REASONS)[number];
  @ApiPropertyOptional({ example: '2027-06-30', description: 'The last dormant day; default and latest: the same day 3 years on [cfg]' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  endsOn?: string;
}
