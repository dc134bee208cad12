import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { REPLY_METHODS, type ReplyMethod, type ReplyOutcome } from '@one-window/complaints/domain';

export class RecordReplyDto {
  @ApiProperty({ enum: ['REPLIED', 'DECLINED', 'UNREACHABLE'] }) @IsIn(['REPLIED', 'DECLINED', 'UNREACHABLE']) outcome: ReplyOutcome;
  @ApiPropertyOptional({ enum: REPLY_METHODS }) @IsOptional() @IsIn(REPLY_METHODS) method?: ReplyMethod;
  @ApiPropertyOptional({ type: [String], description: 'Instants of the contact attempts' }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsISO8601({ strict: true }, { each: true }) attempts?: string[];
  @ApiProperty({ description: 'Recording, call log or SMS log reference' }) @IsString() @Length(1, 200) evidenceRef: string;
}
