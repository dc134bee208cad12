import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class GiveGuidanceDto {
  @ApiProperty() @IsString() @Length(1, 64) requestId: string;
  @ApiProperty() @IsString() @Length(1, 4000) opinion: string;
}
