import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsOptional, IsString, Length } from 'class-validator';

export class RequestSupplementDto {
  @ApiProperty({ type: [String], example: ['the building and unit number'], description: 'Everything missing, in one notice (一次性告知)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  missing: string[];
  @ApiPropertyOptional({ description: 'Online: when the caller received the notice (default now); the 3 natural days run from it' }) @IsOptional() @IsISO8601({ strict: true }) noticeReceivedAt?: string;
}
