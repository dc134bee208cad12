import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, ValidateIf } from 'class-validator';

export const AGENCY_PARTS = { 'social-insurance': 'SOCIAL_INSURANCE', 'housing-fund': 'HOUSING_FUND' } as const;
export type AgencyPartSlug = keyof typeof AGENCY_PARTS;
export const AGENCY_PART_OUTCOMES = ['DONE', 'FAILED'] as const;

/** The path of an agency's callback: the company and its part. */
export class AgencyPartParams {
  @ApiProperty({ example: '91440104MA00001B3B' }) @IsString() @Length(18, 18) uscc: string;
  @ApiProperty({ enum: Object.keys(AGENCY_PARTS) }) @IsIn(Object.keys(AGENCY_PARTS)) part: AgencyPartSlug;
}

/**
 * Social insurance (employer registration together with employment registration) or the housing
 * fund (deposit registration): confirmed, or failed with a reason. DONE after a failure retries the part.
 */
export class AgencyPartResultDto {
  @ApiProperty({ enum: AGENCY_PART_OUTCOMES }) @IsIn(AGENCY_PART_OUTCOMES) outcome: (typeof AGENCY_PART_OUTCOMES)[number];

  @ApiPropertyOptional({ description: 'Required for FAILED', example: 'EMPLOYER_DATA_MISMATCH' })
  @ValidateIf((o: AgencyPartResultDto) => o.outcome === 'FAILED' || o.reason !== undefined)
  @IsString()
  @Length(1, 500)
  reason?: string;
}
