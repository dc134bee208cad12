import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length } from 'class-validator';

export class AnswerFromKnowledgeBaseDto {
  @ApiProperty({ type: [String], example: ['kp-housing-001'] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 64, { each: true }) knowledgePointIds: string[];
}
