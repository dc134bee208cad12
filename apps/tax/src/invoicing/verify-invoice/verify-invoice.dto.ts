import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';

/** Verification (查验) of an invoice by anyone holding it: number, date of issue and the check code or the total. */
export class InvoiceVerificationDto {
  @ApiProperty({ description: '发票号码, 20 digits' }) @IsString() @Matches(/^\d{20}$/, { message: 'invoiceNo must have 20 digits' }) invoiceNo: string;
  @ApiProperty({ description: '开票日期, YYYY-MM-DD' }) @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'issuedOn must be a date YYYY-MM-DD' }) issuedOn: string;
  @ApiPropertyOptional({ description: '校验码, 20 digits (this or amount)' })
  @ValidateIf((o: InvoiceVerificationDto) => o.amount === undefined || o.checkCode !== undefined)
  @IsDefined({ message: 'give checkCode or amount' })
  @IsString()
  @Matches(/^\d{20}$/, { message: 'checkCode must have 20 digits' })
  checkCode?: string;
  @ApiPropertyOptional({ description: '价税合计: the total incl. tax, two decimals (negative on a credit note)' })
  @IsOptional()
  @IsString()
  @Matches(/^-?\d+\.\d{2}$/, { message: 'amount must have two decimals' })
  amount?: string;
}
