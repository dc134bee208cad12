import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { HIGH_RISK_LIST_ACTIONS, HIGH_RISK_LISTS, MAX_HIGH_RISK_ENTRIES_PER_CHANGE, OPERATION_CATEGORIES, PUBLICATION_KINDS, PUBLICATION_STATUSES, RELIEF_SUBJECTS } from '@one-window/tax/domain';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ReliefScopeDto {
  @ApiProperty({ example: 'CN-44', description: "Division code; covers its subdivisions ('CN-44' covers 'CN-44-19')" }) @IsString() @Length(2, 20) jurisdiction: string;
  @ApiProperty({ enum: RELIEF_SUBJECTS, isArray: true, example: ['INDIVIDUAL_BUSINESS'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(RELIEF_SUBJECTS, { each: true })
  subjects: (typeof RELIEF_SUBJECTS)[number][];
}

/**
 * A new relief-rule version to propose (E2). The shape is checked here (400); the rules of its
 * content — month boundaries, params of known rules, the next version number, `supersedes` a live
 * version, no overlap with a live version in one scope — by the domain (422 naming each field).
 */
export class ProposeReliefRuleDto {
  @ApiProperty({ example: 'SSVAT-EXEMPT' }) @IsString() @Length(1, 40) ruleId: string;
  @ApiProperty({ example: 2, description: 'The next version of the rule' }) @IsInt() version: number;
  @ApiProperty({ type: ReliefScopeDto }) @IsDefined() @ValidateNested() @Type(() => ReliefScopeDto) scope: ReliefScopeDto;
  @ApiProperty({ example: { monthlyLimit: '100000.00', quarterlyLimit: '300000.00' }, description: 'Strings, numbers or lists of strings; known rules need their params' })
  @IsObject()
  params: Record<string, string | number | string[]>;
  @ApiProperty({ type: String, nullable: true, example: '2024-01-01', description: 'First day of a month, or null: no start stated' })
  @ValidateIf((o: ProposeReliefRuleDto) => o.effectiveFrom !== null)
  @IsDateString({ strict: true })
  @Matches(ISO_DATE)
  effectiveFrom: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2027-12-31', description: "Last day of a month, or null with openEnded 'national' (执行期限按国家统一规定)" })
  @ValidateIf((o: ProposeReliefRuleDto) => o.effectiveTo !== null)
  @IsDateString({ strict: true })
  @Matches(ISO_DATE)
  effectiveTo: string | null;
  @ApiPropertyOptional({ enum: ['national'] }) @IsOptional() @IsIn(['national']) openEnded?: 'national';
  @ApiProperty({ example: '财政部 税务总局公告2023年第19号' }) @IsString() @Length(1, 200) sourceDoc: string;
  @ApiProperty({ example: '002 L367' }) @IsString() @Length(1, 100) sourceLine: string;
  @ApiPropertyOptional({ example: 'SSVAT-EXEMPT@1', description: 'The live version this one corrects, extends or closes' })
  @IsOptional()
  @IsString()
  @Length(3, 60)
  supersedes?: string;
  @ApiPropertyOptional({ description: 'Why, for the approving admin' }) @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

export class KeyOperationEntryDto {
  @ApiProperty({ example: 'REFUND_CLAIM' }) @IsString() @Length(1, 64) operation: string;
  @ApiProperty({ enum: OPERATION_CATEGORIES }) @IsIn(OPERATION_CATEGORIES) category: (typeof OPERATION_CATEGORIES)[number];
}

/** A new version of the key-operation list (R8.3): in force from `effectiveFrom`, after every published version. */
export class ProposeKeyOperationListDto {
  @ApiProperty({ example: '2027.1' }) @IsString() @Length(1, 32) version: string;
  @ApiProperty({ example: '2027-01-01' }) @IsDateString({ strict: true }) @Matches(ISO_DATE) effectiveFrom: string;
  @ApiProperty({ type: [KeyOperationEntryDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => KeyOperationEntryDto)
  operations: KeyOperationEntryDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

export class HighRiskListEntryDto {
  @ApiProperty({ example: '91440104MA00003D7Y', description: 'Credit code, or the internal id of a natural person' }) @IsString() @Length(6, 64) taxpayerId: string;
  @ApiProperty({ enum: HIGH_RISK_LISTS }) @IsIn(HIGH_RISK_LISTS) list: (typeof HIGH_RISK_LISTS)[number];
  @ApiProperty({ example: '国家税务总局湖南省税务局', description: 'The bureau that published (or withdrew) the entry' }) @IsString() @Length(1, 100) origin: string;
  @ApiProperty({ example: '2026-11-30' }) @IsDateString({ strict: true }) @Matches(ISO_DATE) date: string;
}

/** Entries to add to or remove from the high-risk lists (R8.5). */
export class ProposeHighRiskListChangeDto {
  @ApiProperty({ enum: HIGH_RISK_LIST_ACTIONS }) @IsIn(HIGH_RISK_LIST_ACTIONS) action: (typeof HIGH_RISK_LIST_ACTIONS)[number];
  @ApiProperty({ type: [HighRiskListEntryDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_HIGH_RISK_ENTRIES_PER_CHANGE)
  @ValidateNested({ each: true })
  @Type(() => HighRiskListEntryDto)
  entries: HighRiskListEntryDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

export class RejectPublicationDto {
  @ApiProperty({ example: 'The extension is not yet announced' }) @IsString() @Length(1, 1000) reason: string;
}

export class ListPublicationsQuery {
  @ApiPropertyOptional({ enum: PUBLICATION_STATUSES }) @IsOptional() @IsIn(PUBLICATION_STATUSES) status?: (typeof PUBLICATION_STATUSES)[number];
  @ApiPropertyOptional({ enum: PUBLICATION_KINDS }) @IsOptional() @IsIn(PUBLICATION_KINDS) kind?: (typeof PUBLICATION_KINDS)[number];
}

export class ListHighRiskEntriesQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(6, 64) taxpayerId?: string;
  @ApiPropertyOptional({ enum: HIGH_RISK_LISTS }) @IsOptional() @IsIn(HIGH_RISK_LISTS) list?: (typeof HIGH_RISK_LISTS)[number];
}
