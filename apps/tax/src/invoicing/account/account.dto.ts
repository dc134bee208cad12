import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches, ValidateIf } from 'class-validator';

/** The buyer uses a received invoice: books or reimburses it (consumed once), or deducts a special invoice's input VAT. */
export class UseInvoiceDto {
  @ApiProperty({ enum: ['BOOKING', 'REIMBURSEMENT', 'DEDUCTION'] }) @IsIn(['BOOKING', 'REIMBURSEMENT', 'DEDUCTION']) use: 'BOOKING' | 'REIMBURSEMENT' | 'DEDUCTION';
  @ApiPropertyOptional({ description: 'BOOKING / REIMBURSEMENT: the voucher or claim reference' })
  @ValidateIf((o: UseInvoiceDto) => o.use !== 'DEDUCTION')
  @IsString()
  @Length(1, 100)
  reference?: string;
  @ApiPropertyOptional({ description: 'DEDUCTION: the VAT period, YYYY-MM' })
  @ValidateIf((o: UseInvoiceDto) => o.use === 'DEDUCTION')
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be YYYY-MM' })
  period?: string;
}
