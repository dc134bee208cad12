import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { AREA } from './patterns';

/** Where to dispatch: by default the dispatch catalogue's unit for the scenario and area; another unit needs a reason. */
export class DispatchChoiceDto {
  @ApiPropertyOptional({ example: 'GZ-YX-HOUSING', description: 'The unit (agency_id); default: the catalogue\u2019s' }) @IsOptional() @IsString() @Length(1, 64) unitId?: string;
  @ApiPropertyOptional({ example: '440104', description: 'District code of the place; default: the submission\u2019s' }) @IsOptional() @Matches(AREA) area?: string;
  @ApiPropertyOptional({ description: 'Why another unit than the catalogue\u2019s (required then)' }) @IsOptional() @IsString() @Length(1, 500) overrideReason?: string;
}
