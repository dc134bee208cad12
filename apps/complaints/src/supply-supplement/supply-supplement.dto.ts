import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { CallerDto } from '../receive-submission/receive-submission.dto';
import { PHONE } from '../shared/patterns';

export class SupplySupplementDto {
  @ApiProperty({ description: 'The information asked for' }) @IsString() @Length(1, 4000) content: string;
  @ApiPropertyOptional({ type: CallerDto, description: 'Identity details supplied (e.g. for a real-name request)' }) @IsOptional() @ValidateNested() @Type(() => CallerDto) caller?: CallerDto;
  @ApiPropertyOptional({ description: 'Agent only: the phone number the caller called from' }) @IsOptional() @IsString() @Matches(PHONE) callerPhone?: string;
}
