import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ENTITY_TYPES, type EntityType } from '@one-window/business-registration/domain';

/** The name and what it is checked against (also the first part of a reservation request). */
export class NameCheckDto {
  @ApiProperty({ example: '广州市星河科技有限公司' }) @IsString() @Length(2, 100) name: string;
  @ApiProperty({ enum: ENTITY_TYPES }) @IsIn(ENTITY_TYPES) entityType: EntityType;
  @ApiProperty({ example: 'GZ-YX-AMR', description: 'The registration authority that would hold the name' }) @IsString() @Length(1, 40) authorityCode: string;
  @ApiPropertyOptional({ example: '440104', description: 'GB/T 2260 code of the domicile' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  domicileDivisionCode?: string;
  @ApiPropertyOptional({ description: 'Holds an approval for 中国 / 中华 / 中央 / 全国 / 国家' }) @IsOptional() @IsBoolean() restrictedWordApproved?: boolean;
}
