import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { DISPUTE_CHANNELS } from '@one-window/tax/domain';

/** A tax dispute brought to mediation (税费争议调解, §13). */
export class OpenDisputeDto {
  @ApiProperty({ example: '对滞纳金计算有异议', description: 'What the dispute is about' }) @IsString() @Length(1, 1000) subject: string;
  @ApiPropertyOptional({ enum: DISPUTE_CHANNELS, description: 'ONLINE when the taxpayer applies; HALL or PHONE when the dispute team records it (default ONLINE)' })
  @IsOptional()
  @IsIn(DISPUTE_CHANNELS)
  channel?: (typeof DISPUTE_CHANNELS)[number];
}

export class SettleDisputeDto {
  @ApiProperty({ example: 'MED-2026-001', description: 'The mediation agreement (调解协议) reference' }) @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/) agreementRef: string;
}

export class CloseUnsettledDto {
  @ApiProperty({ example: '双方未达成一致', description: 'Why mediation failed (the notice names the legal remedies)' }) @IsString() @Length(1, 500) reason: string;
}
