import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import type { HandlingReport } from '@one-window/complaints/domain';

export class ProcessDto {
  @ApiProperty() @IsString() @Length(1, 4000) steps: string;
  @ApiProperty() @IsString() @Length(1, 4000) result: string;
}

export class MediationDto {
  @ApiProperty() @IsBoolean() agreed: boolean;
  @ApiProperty() @IsString() @Length(1, 200) resultOrDocumentRef: string;
}

export class AdoptionDto {
  @ApiProperty() @IsBoolean() adopted: boolean;
  @ApiProperty() @IsString() @Length(1, 4000) planOrReasons: string;
}

export class HandlingReportDto {
  @ApiProperty({ type: ProcessDto }) @ValidateNested() @Type(() => ProcessDto) process: ProcessDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 4000) remarks?: string;
  @ApiPropertyOptional({ description: 'CONSULTATION: the basis of the answer' }) @IsOptional() @IsString() @Length(1, 4000) answerBasis?: string;
  @ApiPropertyOptional({ description: 'HELP / REPORT: measures taken' }) @IsOptional() @IsString() @Length(1, 4000) measures?: string;
  @ApiPropertyOptional({ description: 'REPORT: whether a case was opened' }) @IsOptional() @IsBoolean() caseFiled?: boolean;
  @ApiPropertyOptional({ type: MediationDto }) @IsOptional() @ValidateNested() @Type(() => MediationDto) mediation?: MediationDto;
  @ApiPropertyOptional({ type: AdoptionDto }) @IsOptional() @ValidateNested() @Type(() => AdoptionDto) adoption?: AdoptionDto;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 200, { each: true }) evidenceRefs?: string[];
}

export class SubmitReportDto {
  @ApiProperty({ example: 'HANDLED', description: 'HANDLED, CASE_FILED, SUGGESTION_ADOPTED, ..., or SPECIAL_CATEGORY:<code>' }) @Matches(/^([A-Z_]+|SPECIAL_CATEGORY:[A-Z0-9_]+)$/) outcomeCode: string;
  @ApiProperty({ type: HandlingReportDto }) @ValidateNested() @Type(() => HandlingReportDto) report: HandlingReportDto;
}

/** The report as the domain takes it (plain objects, optional members left out). */
export function toReport(r: HandlingReportDto): HandlingReport {
  return JSON.parse(JSON.stringify(r)) as HandlingReport;
}
