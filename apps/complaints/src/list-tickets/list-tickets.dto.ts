import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { TICKET_STATES, type TicketStatus } from '@one-window/complaints/domain';

export class ListTicketsQueryDto {
  @ApiPropertyOptional({ enum: TICKET_STATES }) @IsOptional() @IsIn(TICKET_STATES) state?: TicketStatus;
  @ApiPropertyOptional({ description: 'Agents and supervisors: one unit; an officer always sees its own unit only' }) @IsOptional() @IsString() @Length(1, 64) unitId?: string;
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ description: 'The last ticket id of the previous page' }) @IsOptional() @IsString() @Length(1, 64) after?: string;
}
