import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, ValidateIf } from 'class-validator';

export const DUE_DILIGENCE_OUTCOMES = ['ACTIVATED', 'DECLINED'] as const;

/** The outcome of the bank's AML/CTF due diligence on the preset account. A decline states its reason. */
export class BankDueDiligenceDto {
  @ApiProperty({ enum: DUE_DILIGENCE_OUTCOMES }) @IsIn(DUE_DILIGENCE_OUTCOMES) outcome: (typeof DUE_DILIGENCE_OUTCOMES)[number];

  @ApiPropertyOptional({ description: 'Required to decline', example: 'Beneficial owner could not be identified' })
  @ValidateIf((o: BankDueDiligenceDto) => o.outcome === 'DECLINED' || o.reason !== undefined)
  @IsString()
  @Length(1, 500)
  reason?: string;
}

