import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { BANKRUPTCY_CLAIM_CLASSES } from '@one-window/tax/contracts';
import { CREDIT_GRADES } from '@one-window/tax/domain';

export class ClaimAmountDto {
  @ApiProperty({ example: '131.04' }) @IsString() @Matches(/^\d{1,15}(\.\d{1,2})?$/) amount: string;
  @ApiProperty({ enum: ['CNY'] }) @IsIn(['CNY']) currency: 'CNY';
}

export class ClaimLineDto {
  @ApiProperty({ enum: BANKRUPTCY_CLAIM_CLASSES, description: 'Principal, late fees and fines are separate classes (§11)' })
  @IsIn(BANKRUPTCY_CLAIM_CLASSES)
  class: (typeof BANKRUPTCY_CLAIM_CLASSES)[number];
  @ApiPropertyOptional({ example: 'VAT' }) @IsOptional() @IsString() @Length(1, 40) taxType?: string;
  @ApiPropertyOptional({ example: '26Q3' }) @IsOptional() @IsString() @Length(1, 40) periodKey?: string;
  @ApiProperty({ type: ClaimAmountDto }) @IsDefined() @ValidateNested() @Type(() => ClaimAmountDto) amount: ClaimAmountDto;
}

export class DraftTaxClaimDto {
  @ApiPropertyOptional({ description: "Take the principal from the debtor's outstanding liabilities, one line per liability (default true)" })
  @IsOptional()
  @IsBoolean()
  principalFromLiabilities?: boolean;

  @ApiPropertyOptional({ type: [ClaimLineDto], description: 'Lines given by the officer: late fees, fines, or a principal that replaces the liability figure of its tax type and period' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ClaimLineDto)
  lines?: ClaimLineDto[];
}

export class RateReratingDto {
  @ApiProperty({ enum: CREDIT_GRADES, description: "The grade on the last 12 months' credit data (R8.7)" }) @IsIn(CREDIT_GRADES) grade: (typeof CREDIT_GRADES)[number];
}
