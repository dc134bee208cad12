import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length } from 'class-validator';

export class DecideUnitDto {
  @ApiProperty({ example: 'GZ-YX-STREET' }) @IsString() @Length(1, 64) unitId: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @Length(1, 64, { each: true }) coHandlerUnitIds?: string[];
}
