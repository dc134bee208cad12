import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';

/** The causes an officer lists for (§7); a missed annual report is listed by the system at the deadline. */
export const OFFICER_ABNORMAL_REASONS = ['UNREACHABLE_AT_ADDRESS', 'FALSIFIED_PUBLICITY', 'INFORMATION_NOT_PUBLISHED'] as const;

export class ListAbnormalDto {
  @ApiProperty({ enum: OFFICER_ABNORMAL_REASONS }) @IsIn(OFFICER_ABNORMAL_REASONS) reasonCode: (typeof OFFICER_ABNORMAL_REASONS)[number];
  @ApiProperty({ example: 'VISIT-2027-0031', description: 'The finding it rests on (e.g. the failed visit, the returned letter); not public' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/)
  findingRef: string;
}
