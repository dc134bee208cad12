import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

/** 不予受理 / 退件: the reason code the applicant is told (and an optional note kept with the case). */
export class RejectionReasonDto {
  @ApiProperty({ description: 'Reason code', example: 'NOT_WITHIN_AUTHORITY' }) @Matches(/^[A-Z][A-Z0-9_]{0,63}$/) reasonCode: string;
  @ApiPropertyOptional({ description: 'Free-text note', example: 'The domicile is in another district' }) @IsOptional() @IsString() @Length(1, 1000) note?: string;
}
