import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';

export class DecideReturnDto {
  @ApiProperty({ enum: ['APPROVE', 'REJECT'] }) @IsIn(['APPROVE', 'REJECT']) decision: 'APPROVE' | 'REJECT';
  @ApiPropertyOptional({ description: 'APPROVE: the new unit (else the catalogue\'s, by the request\'s suggestion)', example: 'GZ-YX-STREET' }) @IsOptional() @IsString() @Length(1, 64) newUnitId?: string;
  @ApiPropertyOptional({ type: [String], description: 'APPROVE jointly: co-handling units' }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @Length(1, 64, { each: true }) coHandlerUnitIds?: string[];
  @ApiPropertyOptional({ description: 'REJECT: the reason (required); APPROVE: why another unit than the catalogue\'s' }) @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}
