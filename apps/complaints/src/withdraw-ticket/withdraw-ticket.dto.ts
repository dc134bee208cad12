import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { PHONE } from '../shared/patterns';

export class WithdrawTicketDto {
  @ApiPropertyOptional({ description: 'Agent only: the phone number the caller called from' }) @IsOptional() @IsString() @Matches(PHONE) callerPhone?: string;
}
