import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

/** The company's request to be taken off the list after correcting the cause (信用修复). */
export class RemovalRequestDto {
  @ApiProperty({ example: 'ADDR-PROOF-2027-01', description: "The correction it rests on (a missed report: the filed report's id `<uscc>:<year>`; an address: e.g. the new lease)" })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/)
  correctionRef: string;
  @ApiPropertyOptional({ example: 'Moved back to the registered address' }) @IsOptional() @IsString() @Length(1, 500) statement?: string;
}
