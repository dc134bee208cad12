import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ISSUE_STATES, SUPERVISION_KINDS, SUPERVISION_STATES, type IssueStatus, type SupervisionKind, type SupervisionStatus } from '@one-window/complaints/domain';

export class OpenSupervisionCaseDto {
  @ApiProperty() @IsString() @Length(1, 100) ticketId: string;
  @ApiProperty({ enum: SUPERVISION_KINDS }) @IsIn(SUPERVISION_KINDS) kind: SupervisionKind;
  @ApiProperty({ description: 'The requirements of the case (002 L1610)' }) @IsString() @Length(1, 4000) requirements: string;
  @ApiPropertyOptional({ description: 'DUTY_OPINION_OBJECTION: the guidance unit that verifies with the unit (002 L1620)' }) @IsOptional() @IsString() @Length(1, 100) guidanceBodyId?: string;
  @ApiPropertyOptional({ description: 'When the unit received the case, if recorded after the fact (not in the future); default now' }) @IsOptional() @IsISO8601({ strict: true }) openedAt?: string;
}

export class RespondSupervisionCaseDto {
  @ApiProperty({ description: 'Handling status and explanation / compliant report / measures / verification findings, as the kind requires' }) @IsString() @Length(1, 8000) response: string;
}

export class AuditSupervisionCaseDto {
  @ApiProperty() @IsBoolean() passed: boolean;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) reasons?: string[];
}

export class ListSupervisionCasesQueryDto {
  @ApiPropertyOptional({ enum: SUPERVISION_STATES }) @IsOptional() @IsIn(SUPERVISION_STATES) status?: SupervisionStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() ticketId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() unitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() after?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class FlagIssueDto {
  @ApiProperty() @IsString() @Length(1, 100) unitId: string;
  @ApiProperty() @IsString() @Length(1, 500) title: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) ticketIds?: string[];
}

export class NotifyIssueUnitDto {
  @ApiPropertyOptional({ description: 'When the unit received the notice, if recorded after the fact (not in the future); default now' }) @IsOptional() @IsISO8601({ strict: true }) notifiedAt?: string;
}

export class LinkIssueTicketDto {
  @ApiProperty() @IsString() @Length(1, 100) ticketId: string;
}

export class IssueTextDto {
  @ApiProperty() @IsString() @Length(1, 8000) text: string;
}

export class FinaliseIssueDto {
  @ApiProperty({ description: 'The final position sent for the guidance department\u2019s opinion (002 L1626)' }) @IsString() @Length(1, 8000) position: string;
  @ApiProperty() @IsString() @Length(1, 100) guidanceBodyId: string;
}

export class ListIssuesQueryDto {
  @ApiPropertyOptional({ enum: ISSUE_STATES }) @IsOptional() @IsIn(ISSUE_STATES) status?: IssueStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() unitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() after?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}
