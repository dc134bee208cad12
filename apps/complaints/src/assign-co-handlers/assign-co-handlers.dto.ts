import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length, ValidateNested } from 'class-validator';

export class CoHandlerDto {
  @ApiProperty({ example: 'GZ-WATER' }) @IsString() @Length(1, 64) unitId: string;
  @ApiProperty({ type: [String], example: ['pipe repair'] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 500, { each: true }) items: string[];
}

export class AssignCoHandlersDto {
  @ApiProperty({ type: [CoHandlerDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => CoHandlerDto) coHandlers: CoHandlerDto[];
}
