import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';

export class AuditReportDto {
  @ApiProperty({ enum: ['PASS', 'FAIL'] }) @IsIn(['PASS', 'FAIL']) result: 'PASS' | 'FAIL';
  @ApiPropertyOptional({ type: [String], description: 'FAIL: the reasons (required)' }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 2000, { each: true }) reasons?: string[];
}
