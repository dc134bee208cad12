import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class FileDutyOpinionDto {
  @ApiProperty() @IsString() @Length(1, 4000) opinion: string;
}
