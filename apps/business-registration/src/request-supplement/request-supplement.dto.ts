import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

export class SupplementItemDto {
  @ApiProperty({ description: 'The form field or material concerned', example: 'articles.documentRef' }) @IsString() @Length(1, 200) field: string;
  @ApiProperty({ description: 'What is missing or defective', example: 'The uploaded articles are not signed by every investor' })
  @IsString()
  @Length(1, 1000)
  reason: string;
  @ApiPropertyOptional({ description: 'Reason code (default SUPPLEMENT)', example: 'UNSIGNED' }) @IsOptional() @Matches(/^[A-Z][A-Z0-9_]{0,63}$/) code?: string;
}

/** The one-time notice (一次性告知): every missing or defective item at once. */
export class SupplementRequestDto {
  @ApiProperty({ type: [SupplementItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SupplementItemDto)
  items: SupplementItemDto[];
}
