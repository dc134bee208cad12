import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export const OBJECTOR_CAPACITIES = ['CREDITOR', 'PUBLIC'] as const;

/** An objection to a simplified deregistration during its public notice (异议). */
export class ObjectionDto {
  @ApiProperty({ example: 'Invoice 2026-118 (¥48,000) is unpaid', description: 'Why; shown to the applicant and the officers (not on the public notice)' })
  @IsString()
  @Length(1, 1000)
  reason: string;

  @ApiPropertyOptional({ enum: OBJECTOR_CAPACITIES, description: 'For an `applicant` token: as a creditor (default) or a member of the public. Officers and integrators object as a department.' })
  @IsOptional()
  @IsIn(OBJECTOR_CAPACITIES)
  capacity?: (typeof OBJECTOR_CAPACITIES)[number];
}
