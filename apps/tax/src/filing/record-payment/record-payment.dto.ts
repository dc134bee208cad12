import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsString, Length, Matches } from 'class-validator';
import type { PaymentChannel } from '@one-window/tax/domain';

export const PAYMENT_CHANNELS: readonly PaymentChannel[] = ['TRIPARTITE_DEBIT', 'BANK_CARD', 'DIGITAL_RMB', 'COUNTER', 'THIRD_PARTY_PAY'];

/** A payment the treasury (国库) reports as arrived (入库) against one liability. */
export class RecordPaymentDto {
  @ApiProperty({ example: 'TRE-20261204-000001', description: "The treasury's id of the payment; the same id again records nothing new" })
  @IsString()
  @Length(1, 64)
  paymentId: string;
  @ApiProperty({ example: '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b' }) @IsString() @Length(1, 64) liabilityId: string;
  @ApiProperty({ example: '1000.00' }) @Matches(/^\d{1,15}(\.\d{1,2})?$/, { message: 'amount must be an amount with at most 2 decimals' }) amount: string;
  @ApiProperty({ enum: PAYMENT_CHANNELS }) @IsIn(PAYMENT_CHANNELS as PaymentChannel[], { message: `channel must be one of ${PAYMENT_CHANNELS.join(', ')}` }) channel: PaymentChannel;
  @ApiProperty({ example: '2026-12-04T10:15:00+08:00', description: 'When the money reached the treasury' })
  @IsISO8601({ strict: true }, { message: 'treasuryAt must be an ISO 8601 instant' })
  @Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'treasuryAt must have a time and a zone' })
  treasuryAt: string;
}
