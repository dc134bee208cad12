import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { RETURN_DISPUTE_TYPES, RETURN_EVIDENCE_KINDS, type ReturnDisputeType, type ReturnEvidenceKind } from '@one-window/complaints/domain';

export class ReturnEvidenceDto {
  @ApiProperty({ enum: RETURN_EVIDENCE_KINDS }) @IsIn(RETURN_EVIDENCE_KINDS) kind: ReturnEvidenceKind;
  @ApiProperty({ example: 'doc-powers-2026-01' }) @IsString() @Length(1, 200) ref: string;
}

export class RequestReturnDto {
  @ApiProperty({ enum: RETURN_DISPUTE_TYPES }) @IsIn(RETURN_DISPUTE_TYPES) disputeType: ReturnDisputeType;
  @ApiProperty({ type: [String], example: ['Lift maintenance is the property company\'s duty'] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 2000, { each: true }) reasons: string[];
  @ApiProperty({ type: [ReturnEvidenceDto] }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ReturnEvidenceDto) evidence: ReturnEvidenceDto[];
  @ApiPropertyOptional({ example: 'GZ-YX-STREET' }) @IsOptional() @IsString() @Length(1, 64) suggestedUnitId?: string;
}
