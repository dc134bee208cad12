import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

export const DECISION_OUTCOMES = ['APPROVE', 'REFUSE'] as const;

/** The officer's decision after review. A refusal states its reasons (422 without). */
export class DecisionDto {
  @ApiProperty({ enum: DECISION_OUTCOMES }) @IsIn(DECISION_OUTCOMES) outcome: (typeof DECISION_OUTCOMES)[number];
  @ApiPropertyOptional({ type: [String], description: 'Required to refuse', example: ['The domicile is not usable for business'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  reasons?: string[];
  @ApiPropertyOptional({ description: 'Refusal reason code (default FORMAL_REQUIREMENTS_NOT_MET)', example: 'DOMICILE_NOT_USABLE' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{0,63}$/)
  reasonCode?: string;
}
