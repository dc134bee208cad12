import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

/** The social-insurance agency's clearance for a deregistering employer (社保清缴 / 注销登记). */
export class SocialInsuranceClearanceDto {
  @ApiProperty({ enum: ['CLEARED'] }) @IsIn(['CLEARED']) outcome: 'CLEARED';
  @ApiPropertyOptional({ example: 'SI-GZ-2027-000123', description: "The agency's own reference" })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/)
  reference?: string;
}
