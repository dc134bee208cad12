import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { CALLER_FIELDS, CHANNELS, type CallerField, type Channel } from '@one-window/complaints/domain';
import { AREA, PHONE } from '../shared/patterns';

/** The caller's personal data: stored apart, masked in logs and views, never in events. */
export class CallerDto {
  @ApiPropertyOptional({ example: '李雷' }) @IsOptional() @IsString() @Length(1, 100) name?: string;
  @ApiPropertyOptional({ example: '13812345678' }) @IsOptional() @IsString() @Matches(PHONE) phone?: string;
  @ApiPropertyOptional({ example: '440106199001011234' }) @IsOptional() @Matches(/^\d{17}[\dX]$/) idNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) organisation?: string;
}

/** A caller contact (诉求): by a hotline agent on behalf of a caller (PHONE), or by the caller online (WEB, APP, PORTAL, NEW_MEDIA). */
export class ReceiveSubmissionDto {
  @ApiProperty({ enum: CHANNELS, example: 'PHONE' }) @IsIn(CHANNELS) channel: Channel;
  @ApiPropertyOptional({ example: 'CN-44-01', description: 'Default: the service\u2019s default jurisdiction' }) @IsOptional() @IsString() @Length(2, 20) jurisdictionId?: string;
  @ApiProperty({ description: 'The request in the caller\u2019s words (≤ 4,000 characters)' }) @IsString() @Length(1, 4000) content: string;
  @ApiPropertyOptional({ example: 'HOUSING.REPAIR', description: 'Scenario (template) chosen' }) @IsOptional() @IsString() @Length(1, 64) serviceCode?: string;
  @ApiPropertyOptional({ example: '440104', description: 'District code of the place concerned' }) @IsOptional() @Matches(AREA) area?: string;
  @ApiPropertyOptional({ type: CallerDto }) @IsOptional() @ValidateNested() @Type(() => CallerDto) caller?: CallerDto;
  @ApiPropertyOptional({ enum: CALLER_FIELDS, isArray: true, description: 'Fields the caller asks to hide from units (partial anonymity)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CALLER_FIELDS.length)
  @IsIn(CALLER_FIELDS, { each: true })
  hiddenFields?: CallerField[];
  @ApiPropertyOptional({ description: 'An internal whistle-blower: identity never leaves the centre' }) @IsOptional() @IsBoolean() whistleblower?: boolean;
  @ApiPropertyOptional({ description: 'The template or law requires a real name (name, ID number, phone)' }) @IsOptional() @IsBoolean() realNameRequired?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isMarketEntity?: boolean;
  @ApiPropertyOptional({ example: '91440104MA00001B3B' }) @IsOptional() @Matches(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/) uscc?: string;
}
