import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** The officer's confirmation that the publicity system was updated. */
export class CreditRepairConfirmationDto {
  @ApiPropertyOptional({ description: 'What was updated (kept on the record)', example: '已公示重整计划，调整失信约束' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}
