import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import {
  KNOWLEDGE_FEEDBACK_ACTIONS,
  KNOWLEDGE_FEEDBACK_KINDS,
  KNOWLEDGE_FEEDBACK_STATES,
  KNOWLEDGE_POINT_KINDS,
  KNOWLEDGE_POINT_STATES,
  type KnowledgeFeedbackAction,
  type KnowledgeFeedbackKind,
  type KnowledgeFeedbackStatus,
  type KnowledgePointKind,
  type KnowledgePointStatus,
} from '@one-window/complaints/domain';

export class KnowledgeFaqDto {
  @ApiProperty() @IsString() @Length(1, 1000) question: string;
  @ApiProperty() @IsString() @Length(1, 4000) answer: string;
}

/** The content of a point (002 L1676); on a draft every field may still be empty, review requires them. */
export class KnowledgeContentDto {
  @ApiPropertyOptional({ example: '老旧小区加装电梯申请条件' }) @IsOptional() @IsString() @Length(0, 200) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 20000) body?: string;
  @ApiPropertyOptional({ type: [String], description: '依据: laws, regulations, rules, normative and policy documents' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  basis?: string[];
  @ApiPropertyOptional({ description: '适用范围' }) @IsOptional() @IsString() @Length(0, 2000) scope?: string;
  @ApiPropertyOptional({ description: '适用主体' }) @IsOptional() @IsString() @Length(0, 2000) applicableSubjects?: string;
  @ApiPropertyOptional({ description: '适用条件' }) @IsOptional() @IsString() @Length(0, 4000) conditions?: string;
  @ApiPropertyOptional({ type: [String], description: '关联关系: ids of related points' }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 64, { each: true }) relations?: string[];
  @ApiPropertyOptional({ type: [KnowledgeFaqDto] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => KnowledgeFaqDto) faqs?: KnowledgeFaqDto[];
}

export class DraftKnowledgePointDto extends KnowledgeContentDto {
  @ApiProperty({ enum: KNOWLEDGE_POINT_KINDS, description: 'Sets the validity cap: POLICY_LAW 5 years, SERVICE_GUIDE 1 year, ANSWER_SCRIPT 6 months, INTERPRETATION_OTHER 1 year (002 L1678)' })
  @IsIn(KNOWLEDGE_POINT_KINDS)
  category: KnowledgePointKind;
  @ApiPropertyOptional({ description: 'Default: the service\u2019s default jurisdiction' }) @IsOptional() @IsString() @Length(2, 20) jurisdictionId?: string;
  @ApiPropertyOptional({ description: 'The service item the point describes (same source as the service-item data, 002 L75)' }) @IsOptional() @IsString() @Length(1, 64) sourceItemId?: string;
}

export class EditKnowledgePointDto extends KnowledgeContentDto {
  @ApiPropertyOptional({ enum: KNOWLEDGE_POINT_KINDS }) @IsOptional() @IsIn(KNOWLEDGE_POINT_KINDS) category?: KnowledgePointKind;
}

export class RejectReviewDto {
  @ApiProperty({ description: 'Why the review did not pass' }) @IsString() @Length(1, 2000) note: string;
}

export class PublishKnowledgePointDto {
  @ApiPropertyOptional({ description: 'Default: now. validUntil − validFrom is capped by the kind (002 L1678)' }) @IsOptional() @IsISO8601({ strict: true }) validFrom?: string;
  @ApiProperty({ description: 'Exclusive end of validity (the point is usable while validFrom ≤ t < validUntil)' }) @IsISO8601({ strict: true }) validUntil: string;
}

export class ConfirmValidityDto {
  @ApiProperty({ description: 'The new exclusive end; the new period runs from now and is capped again (002 L1678)' }) @IsISO8601({ strict: true }) validUntil: string;
}

export class RetireKnowledgePointDto {
  @ApiProperty() @IsString() @Length(1, 2000) reason: string;
}

const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);

export class SearchKnowledgePointsQueryDto {
  @ApiPropertyOptional({ description: 'Words in the title, body, scope or FAQs' }) @IsOptional() @IsString() @Length(1, 100) q?: string;
  @ApiPropertyOptional({ enum: KNOWLEDGE_POINT_KINDS }) @IsOptional() @IsIn(KNOWLEDGE_POINT_KINDS) category?: KnowledgePointKind;
  @ApiPropertyOptional({ enum: KNOWLEDGE_POINT_STATES }) @IsOptional() @IsIn(KNOWLEDGE_POINT_STATES) status?: KnowledgePointStatus;
  @ApiPropertyOptional({ description: 'Only points usable for a direct answer now (published, unexpired). Default true for hotline agents, false otherwise' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  usable?: boolean;
  @ApiPropertyOptional({ description: 'Agents and supervisors: one unit; an officer always sees its own unit only' }) @IsOptional() @IsString() @Length(1, 64) unitId?: string;
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class RaiseFeedbackDto {
  @ApiProperty({ enum: KNOWLEDGE_FEEDBACK_KINDS, description: 'ERROR 内容错误, OMISSION 遗漏, EXPIRY 过期, UNCLEAR 表述不清, NEW_POINT 采编新知识点 (002 L1680)' })
  @IsIn(KNOWLEDGE_FEEDBACK_KINDS)
  kind: KnowledgeFeedbackKind;
  @ApiPropertyOptional({ description: 'The point concerned (required except for NEW_POINT); its unit is addressed' }) @ValidateIf((o: RaiseFeedbackDto) => o.kind !== 'NEW_POINT' || o.pointId !== undefined) @IsString() @Length(1, 64) pointId?: string;
  @ApiPropertyOptional({ description: 'NEW_POINT: the unit asked to write it' }) @ValidateIf((o: RaiseFeedbackDto) => o.kind === 'NEW_POINT' && o.pointId === undefined) @IsString() @Length(1, 64) unitId?: string;
  @ApiPropertyOptional({ description: '突发事项: a breaking hot issue, answer within 1 WD instead of 2 (002 L1682)' }) @IsOptional() @IsBoolean() urgent?: boolean;
  @ApiProperty() @IsString() @Length(1, 4000) description: string;
  @ApiPropertyOptional({ description: 'When the centre raised it, if recorded afterwards (not in the future); the 2 / 1 WD limit counts from it. Default: now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  raisedAt?: string;
}

export class ResolveFeedbackDto {
  @ApiProperty({ enum: ['ACTED', 'NO_ACTION'] }) @IsIn(['ACTED', 'NO_ACTION']) resolution: 'ACTED' | 'NO_ACTION';
  @ApiPropertyOptional({ enum: KNOWLEDGE_FEEDBACK_ACTIONS, isArray: true, description: 'ACTED: 增补 ADD, 修改 EDIT, 审核 REVIEW, 下架 RETIRE' })
  @ValidateIf((o: ResolveFeedbackDto) => o.resolution === 'ACTED')
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(KNOWLEDGE_FEEDBACK_ACTIONS, { each: true })
  actions?: KnowledgeFeedbackAction[];
  @ApiPropertyOptional({ type: [String], description: 'ACTED: the points added, edited, reviewed or retired' })
  @ValidateIf((o: ResolveFeedbackDto) => o.resolution === 'ACTED')
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  pointIds?: string[];
  @ApiPropertyOptional({ description: 'NO_ACTION: why nothing needs doing (required); ACTED: an optional note' }) @ValidateIf((o: ResolveFeedbackDto) => o.resolution === 'NO_ACTION' || o.answer !== undefined) @IsString() @Length(1, 4000) answer?: string;
}

export class ListFeedbackQueryDto {
  @ApiPropertyOptional({ enum: KNOWLEDGE_FEEDBACK_STATES }) @IsOptional() @IsIn(KNOWLEDGE_FEEDBACK_STATES) status?: KnowledgeFeedbackStatus;
  @ApiPropertyOptional({ description: 'Agents: one unit; an officer always sees its own' }) @IsOptional() @IsString() @Length(1, 64) unitId?: string;
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) after?: string;
}
