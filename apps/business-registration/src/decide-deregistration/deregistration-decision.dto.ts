import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Length, ValidateIf } from 'class-validator';

export const DEREGISTRATION_DECISIONS = ['APPROVE', 'REFUSE', 'REQUEST_SUPPLEMENT'] as const;

/** The officer's decision on a deregistration under review. A refusal or a supplement request lists its reasons. */
export class DeregistrationDecisionDto {
  @ApiProperty({ enum: DEREGISTRATION_DECISIONS }) @IsIn(DEREGISTRATION_DECISIONS) outcome: (typeof DEREGISTRATION_DECISIONS)[number];

  @ApiPropertyOptional({ type: [String], description: 'Required to refuse or to request a supplement', example: ['The liquidation report is not signed by every member of the liquidation group'] })
  @ValidateIf((o: DeregistrationDecisionDto) => o.outcome !== 'APPROVE' || o.reasons !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  reasons?: string[];
}
