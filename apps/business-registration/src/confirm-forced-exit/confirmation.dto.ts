import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, Matches } from 'class-validator';

/** The officer's confirmation of a forced-exit candidate; the rule is re-run at `asOf`. */
export class ForcedExitConfirmationDto {
  @ApiPropertyOptional({ example: '2029-07-02', description: 'The day the candidate rule is re-run at (default today, Asia/Shanghai; not in the future)' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  asOf?: string;
}
