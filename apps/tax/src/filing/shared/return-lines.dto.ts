import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { TAX_TYPES, VAT_EXEMPT_ITEMS, type SmallScaleLevyRate, type TaxType, type VatExemptItem } from '@one-window/tax/domain';

const AMOUNT = /^\d{1,15}(\.\d{1,2})?$/;

/** One box of a return: the amount payable for one tax type of the obligation. */
export class ReturnLineDto {
  @ApiProperty({ enum: TAX_TYPES, example: 'CORPORATE_INCOME_TAX' }) @IsIn(TAX_TYPES as unknown as string[], { message: 'taxType is not a known tax type' }) taxType: TaxType;
  @ApiProperty({ example: '250000.00', description: '计税依据, CNY' }) @Matches(AMOUNT, { message: 'taxableBase must be an amount with at most 2 decimals' }) taxableBase: string;
  @ApiProperty({ example: '12500.00', description: 'Tax payable after reliefs, CNY' }) @Matches(AMOUNT, { message: 'taxPayable must be an amount with at most 2 decimals' }) taxPayable: string;
  @ApiPropertyOptional({ type: [String], example: ['SIX-TAX-TWO-FEE@1'], description: "Relief rule versions applied ('ruleId@version')" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  ruleVersions?: string[];
}

/** Sales (不含税销售额) at one levy rate, on a small-scale taxpayer's VAT return. */
export class SalesLineDto {
  @ApiProperty({ enum: ['0.03', '0.05', '0.01'], example: '0.03' }) @IsIn(['0.03', '0.05', '0.01'], { message: 'levyRate must be 0.03, 0.05 or 0.01' }) levyRate: SmallScaleLevyRate;
  @ApiProperty({ example: '300000.00' }) @Matches(AMOUNT, { message: 'amount must be an amount with at most 2 decimals' }) amount: string;
  @ApiPropertyOptional({ enum: VAT_EXEMPT_ITEMS }) @IsOptional() @IsIn(VAT_EXEMPT_ITEMS as unknown as string[], { message: 'exemptItem is not a VAT-MISC item' }) exemptItem?: VatExemptItem;
}

/**
 * The lines of a return or an amendment. A small-scale taxpayer's VAT return sends `sales` (the
 * service assesses the lines with the relief rules of the period); every other return sends `lines`.
 */
export class ReturnContentDto {
  @ApiPropertyOptional({ type: [ReturnLineDto], description: 'One line per tax type of the obligation (a nil line says 0.00)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ReturnLineDto)
  lines?: ReturnLineDto[];

  @ApiPropertyOptional({ type: [SalesLineDto], description: "A small-scale taxpayer's VAT return: the period's sales by levy rate" })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SalesLineDto)
  sales?: SalesLineDto[];

  @ApiProperty({ example: true, description: 'The taxpayer declares the return final; false gives 422' }) @IsBoolean() finalised: boolean;
}
