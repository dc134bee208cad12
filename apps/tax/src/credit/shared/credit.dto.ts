import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDateString, IsDefined, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { HIGH_RISK_LISTS, REFUND_KINDS } from '@one-window/tax/domain';

export class ListHitDto {
  @ApiProperty({ enum: HIGH_RISK_LISTS }) @IsIn(HIGH_RISK_LISTS) list: (typeof HIGH_RISK_LISTS)[number];
  @ApiProperty({ example: '国家税务总局湖南省税务局', description: 'The publishing bureau' }) @IsString() @Length(1, 100) origin: string;
  @ApiProperty({ example: '2026-11-30' }) @IsDateString({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) date: string;
}

export class OpenRiskCaseDto {
  @ApiProperty({ type: ListHitDto, description: 'A hit on a high-risk list obtained from another bureau (R8.5)' })
  @IsDefined()
  @ValidateNested()
  @Type(() => ListHitDto)
  listHit: ListHitDto;
}

export class EscalateRiskCaseDto {
  @ApiProperty({ enum: ['DEADLINE_MISSED', 'CORRECTION_REFUSED'] }) @IsIn(['DEADLINE_MISSED', 'CORRECTION_REFUSED']) reason: 'DEADLINE_MISSED' | 'CORRECTION_REFUSED';
}

export class MoneyAmountDto {
  @ApiProperty({ example: '12000.00' }) @IsString() @Matches(/^\d{1,15}(\.\d{1,2})?$/) amount: string;
  @ApiProperty({ enum: ['CNY'] }) @IsIn(['CNY']) currency: 'CNY';
}

export class SubmitRefundClaimDto {
  @ApiProperty({ enum: REFUND_KINDS, example: 'VAT_CREDIT' }) @IsIn(REFUND_KINDS) kind: (typeof REFUND_KINDS)[number];
  @ApiProperty({ example: 'C3011', description: 'GB/T 4754 industry code (section letter + division digits)' }) @IsString() @Length(1, 10) industryCode: string;
  @ApiProperty({ type: MoneyAmountDto }) @IsDefined() @ValidateNested() @Type(() => MoneyAmountDto) amount: MoneyAmountDto;
  @ApiPropertyOptional({ description: 'The taxpayer acknowledges a credit + risk warning (R8.4)' }) @IsOptional() @IsBoolean() acknowledgeWarning?: boolean;
}

export class RequestRefundInfoDto {
  @ApiProperty({ type: [String], example: ['Purchase invoices for 2026-10'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  items: string[];
}

export class RefundDecisionDto {
  @ApiProperty({ enum: ['APPROVE', 'REJECT'] }) @IsIn(['APPROVE', 'REJECT']) outcome: 'APPROVE' | 'REJECT';
  @ApiPropertyOptional({ type: [String], description: 'Required to reject' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  reasons?: string[];
}

export class RefundPaymentDto {
  @ApiProperty({ example: 'TRE-20261210-0001', description: 'Treasury payment reference' }) @IsString() @Length(1, 64) treasuryRef: string;
}

export class RequestClearanceDto {
  @ApiPropertyOptional({ description: 'The taxpayer acknowledges a credit + risk warning on the fast routes (R8.4)' }) @IsOptional() @IsBoolean() acknowledgeWarning?: boolean;
  @ApiPropertyOptional({ type: [String], description: 'Materials the application still lacks, if the taxpayer knows (they block the on-the-spot route)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  missingMaterials?: string[];
}
