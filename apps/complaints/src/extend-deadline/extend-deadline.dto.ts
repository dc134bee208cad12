import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';

export class ExtendDeadlineDto {
  @ApiProperty({ minimum: 1, maximum: 30, example: 5 }) @IsInt() @Min(1) @Max(30) workingDays: number;
  @ApiProperty({ description: 'Internal reason' }) @IsString() @Length(1, 2000) reason: string;
  @ApiProperty({ description: 'The reason told to the caller with the new deadline' }) @IsString() @Length(1, 2000) publicReason: string;
}
