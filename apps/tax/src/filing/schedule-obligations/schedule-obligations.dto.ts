import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsLocalDate } from '../shared/date-range.dto';

export class ScheduleObligationsDto {
  @ApiProperty({ example: '91440104MA00001B3B' }) @IsString() @Length(1, 64) taxpayerId: string;
  @ApiProperty({ example: '2027-01-01', description: 'Inclusive; every period overlapping [from, to] is scheduled' })
  @IsLocalDate()
  from: string;
  @ApiProperty({ example: '2027-12-31', description: 'Inclusive; at most 3 years after from' })
  @IsLocalDate()
  to: string;
}
