import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DateRangeQueryDto } from '../shared/date-range.dto';

export class ListObligationsQueryDto extends DateRangeQueryDto {
  @ApiPropertyOptional({ enum: ['O', 'F'], description: 'O open, F fulfilled (HMRC MTD)' })
  @IsOptional()
  @IsIn(['O', 'F'], { message: 'status must be O or F' })
  status?: 'O' | 'F';
}
