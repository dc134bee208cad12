import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { INVOICE_KINDS, INVOICE_VAT_RATES, type InvoiceKind } from '@one-window/tax/domain';

export const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
export const DECIMAL = /^\d{1,15}(\.\d{1,8})?$/;

export class InvoiceBuyerDto {
  @ApiPropertyOptional({ description: "The buyer's taxpayer id (USCC): the invoice goes into its digital tax account. Required on a special invoice." })
  @IsOptional()
  @IsString()
  @Matches(USCC_SHAPE, { message: 'taxpayerId must be a unified social credit code' })
  taxpayerId?: string;
  @ApiProperty() @IsString() @Length(1, 300) name: string;
  @ApiPropertyOptional({ description: 'Where the invoice is delivered when the buyer has no taxpayer id' }) @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) bankAccount?: string;
}

export class InvoiceLineDto {
  @ApiProperty({ example: '*信息技术服务*软件开发' }) @IsString() @Length(1, 300) description: string;
  @ApiPropertyOptional({ description: '税收分类编码, 19 digits' }) @IsOptional() @IsString() @Matches(/^\d{19}$/, { message: 'taxCategoryCode must have 19 digits' }) taxCategoryCode?: string;
  @ApiProperty({ example: '3', description: 'Decimal string, at most 8 decimals, > 0' })
  @IsString()
  @Matches(DECIMAL, { message: 'quantity must be a decimal string with at most 8 decimals' })
  quantity: string;
  @ApiProperty({ example: '33.333', description: 'Unit price excl. tax, decimal string, at most 8 decimals, > 0' })
  @IsString()
  @Matches(DECIMAL, { message: 'unitPrice must be a decimal string with at most 8 decimals' })
  unitPrice: string;
  @ApiProperty({ enum: INVOICE_VAT_RATES, description: 'VAT rate in percent' }) @IsIn(INVOICE_VAT_RATES as unknown as number[]) rate: number;
}

/** Issue a fully digital e-invoice (开具): the seller is the taxpayer of the path; amounts and tax are computed. */
export class IssueInvoiceDto {
  @ApiProperty({ enum: INVOICE_KINDS }) @IsIn(INVOICE_KINDS as unknown as string[]) kind: InvoiceKind;
  @ApiProperty({ type: InvoiceBuyerDto }) @ValidateNested() @Type(() => InvoiceBuyerDto) buyer: InvoiceBuyerDto;
  @ApiProperty({ type: [InvoiceLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => InvoiceLineDto)
  lines: InvoiceLineDto[];
}
