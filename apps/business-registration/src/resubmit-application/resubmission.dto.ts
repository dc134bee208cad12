import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length } from 'class-validator';

/** The answer to a supplement notice: the material newly submitted (a later notice may only question these). */
export class ResubmissionDto {
  @ApiProperty({ type: [String], description: 'Refs of the material submitted in answer (the fields or documents of the notice)', example: ['articles.documentRef'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  newMaterial: string[];
}
