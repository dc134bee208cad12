import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class AssignSubOfficeDto {
  @ApiProperty({ example: 'GZ-YX-HOUSING-01' }) @IsString() @Length(1, 64) subOfficeId: string;
}
