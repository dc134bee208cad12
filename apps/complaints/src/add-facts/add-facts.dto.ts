import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { PHONE } from '../shared/patterns';

export class AddFactsDto {
  @ApiProperty() @IsString() @Length(1, 4000) summary: string;
  @ApiPropertyOptional({ description: 'Agent only: the phone number the caller called from' }) @IsOptional() @IsString() @Matches(PHONE) callerPhone?: string;
}
