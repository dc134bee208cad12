import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { SATISFACTION_GRADES, type SatisfactionGrade } from '@one-window/complaints/domain';

export class RateHandlingDto {
  @ApiProperty({ enum: SATISFACTION_GRADES }) @IsIn(SATISFACTION_GRADES) grade: SatisfactionGrade;
}
