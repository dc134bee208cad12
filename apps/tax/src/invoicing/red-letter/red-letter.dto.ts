import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';
import { RED_LETTER_REASONS, type RedLetterReason } from '@one-window/tax/domain';
import { DECIMAL } from '../issue-invoice/issue-invoice.dto';

export class RedLetterLineDto {
  @ApiProperty({ description: "The original's line number" }) @IsInt() @Min(1) lineNo: number;
  @ApiPropertyOptional({ description: 'Goods returned: quantity to reverse' }) @IsOptional() @IsString() @Matches(DECIMAL, { message: 'quantity must be a decimal string' }) quantity?: string;
  @ApiPropertyOptional({ description: 'Allowance: amount excl. tax to reverse' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,15}(\.\d{1,2})?$/, { message: 'amount must be a decimal amount with at most 2 decimals' })
  amount?: string;
}

/** A red-letter credit note (红字) for an invoice, by its issuer. */
export class RedLetterDto {
  @ApiProperty({ enum: RED_LETTER_REASONS }) @IsIn(RED_LETTER_REASONS as unknown as string[]) reason: RedLetterReason;
  @ApiProperty({ enum: ['FULL', 'PARTIAL'] }) @IsIn(['FULL', 'PARTIAL']) scope: 'FULL' | 'PARTIAL';
  @ApiPropertyOptional({ type: [RedLetterLineDto], description: 'PARTIAL only' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => RedLetterLineDto)
  lines?: RedLetterLineDto[];
}
