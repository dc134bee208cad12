import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** Switching an objected simplified deregistration to the ordinary route: the liquidation report is filed. */
export class SwitchToOrdinaryDto {
  @ApiProperty({ example: 'LIQ-2027-0001', description: 'The filed liquidation report (清算报告)' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/)
  liquidationReportRef: string;
}
