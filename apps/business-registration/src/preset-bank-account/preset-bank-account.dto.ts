import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** The basic account number the bank pre-assigns (预赋号); stored and published masked. */
export class PresetBankAccountDto {
  @ApiProperty({ example: '6222021001123456', description: '8 to 32 digits' })
  @Matches(/^\d{8,32}$/, { message: 'accountNumber must be 8 to 32 digits' })
  accountNumber: string;
}
