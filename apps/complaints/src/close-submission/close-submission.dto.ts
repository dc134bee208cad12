import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export const CLOSE_GROUNDS = ['CALLS_FAILED', 'REFUSED', 'STILL_INADEQUATE', 'IDENTITY_REFUSED'] as const;

export class CloseSubmissionDto {
  @ApiProperty({ enum: CLOSE_GROUNDS, description: 'INCOMPLETE after 3 failed calls, a refusal or a still inadequate supplement (002 L1515–1521); IDENTITY_REFUSED (002 L1507)' })
  @IsIn(CLOSE_GROUNDS)
  ground: (typeof CLOSE_GROUNDS)[number];
  @ApiPropertyOptional({ description: 'The note recorded (the caller may file again)' }) @IsOptional() @IsString() @Length(1, 2000) note?: string;
}
