import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, Length, Min } from 'class-validator';

export class AssessFactsDto {
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) factsNo: number;
  @ApiProperty() @IsBoolean() affectsHandling: boolean;
  @ApiProperty({ description: 'What the unit told the caller, or how it contacted them' }) @IsString() @Length(1, 2000) note: string;
}
