import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches, ValidateIf } from 'class-validator';

export const REMOVAL_OUTCOMES = ['REMOVE', 'REJECT'] as const;

/** An officer's decision on taking a company off the list (§7 credit repair). */
export class RemovalDecisionDto {
  @ApiProperty({ enum: REMOVAL_OUTCOMES }) @IsIn(REMOVAL_OUTCOMES) outcome: (typeof REMOVAL_OUTCOMES)[number];

  @ApiPropertyOptional({ description: "REMOVE: the verified correction; defaults to the company's request's, or the filed report for a missed one" })
  @ValidateIf((o: RemovalDecisionDto) => o.correctionRef !== undefined)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/)
  correctionRef?: string;

  @ApiPropertyOptional({ description: 'REJECT (required): what is still missing (the one-time notice)' })
  @ValidateIf((o: RemovalDecisionDto) => o.outcome === 'REJECT' || o.reason !== undefined)
  @IsString()
  @Length(1, 500)
  reason?: string;
}
