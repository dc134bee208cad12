import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { TICKET_TYPES, type TicketType } from '@one-window/complaints/domain';
import { DispatchChoiceDto } from '../shared/dispatch-choice.dto';

/** One ticket of the registration: one per item and per handling unit (002 L1509–1513). */
export class TicketItemDto {
  @ApiProperty({ enum: TICKET_TYPES }) @IsIn(TICKET_TYPES) type: TicketType;
  @ApiProperty({ example: 'HOUSING.REPAIR' }) @IsString() @Length(1, 64) scenarioCode: string;
  @ApiPropertyOptional({ description: 'Deadline set by the state, province or city assignment (overrides the limit, 002 L1537)' }) @IsOptional() @IsISO8601({ strict: true }) assignedDeadline?: string;
  @ApiPropertyOptional({ enum: ['NORMAL', 'URGENT'] }) @IsOptional() @IsIn(['NORMAL', 'URGENT']) priority?: 'NORMAL' | 'URGENT';
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 64, { each: true }) marketEntityTags?: string[];
  @ApiPropertyOptional({ type: DispatchChoiceDto, description: 'Dispatch at once (row #4): the catalogue\u2019s unit unless one is named with a reason' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DispatchChoiceDto)
  dispatch?: DispatchChoiceDto;
}

export class RegisterSubmissionDto {
  @ApiProperty({ type: [TicketItemDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => TicketItemDto) items: TicketItemDto[];
}
