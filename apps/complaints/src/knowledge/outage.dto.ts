import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';

/** The unit declares an outage (故障公告, 002 L1694): cause, time, affected services, recovery time. */
export class DeclareOutageDto {
  @ApiProperty({ description: '故障原因' }) @IsString() @Length(1, 2000) cause: string;
  @ApiProperty({ description: '故障时间: when the outage started (not in the future); the 1-ND script clock counts from it' }) @IsISO8601({ strict: true }) startedAt: string;
  @ApiProperty({ type: [String], description: '受影响的业务范围' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  services: string[];
  @ApiPropertyOptional({ description: '恢复时间 (expected)' }) @IsOptional() @IsISO8601({ strict: true }) expectedRecoveryAt?: string;
  @ApiPropertyOptional({ type: [String], description: 'Where the notice is published (default: homepage)', example: ['homepage', 'wechat'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  publishedOn?: string[];
  @ApiPropertyOptional({ description: 'Default: the service\u2019s default jurisdiction' }) @IsOptional() @IsString() @Length(2, 20) jurisdictionId?: string;
}

export class OutageScriptDto {
  @ApiProperty({ description: '应答口径: the answer script for the centre\u2019s agents' }) @IsString() @Length(1, 20000) text: string;
}

export class OutageUpdateDto {
  @ApiProperty({ description: 'Progress reported to the centre' }) @IsString() @Length(1, 4000) progress: string;
  @ApiPropertyOptional({ description: 'Outage ≥ 2 ND: the script was updated (this or floorSupport is required then)' }) @IsOptional() @IsBoolean() scriptUpdated?: boolean;
  @ApiPropertyOptional({ description: 'Outage ≥ 2 ND: the unit staffs the call floor' }) @IsOptional() @IsBoolean() floorSupport?: boolean;
  @ApiPropertyOptional({ description: 'The updated answer script (with scriptUpdated)' }) @IsOptional() @IsString() @Length(1, 20000) script?: string;
}

export class RecoverOutageDto {
  @ApiPropertyOptional({ description: 'When the service was restored (default: now; not in the future, not before the start)' }) @IsOptional() @IsISO8601({ strict: true }) recoveredAt?: string;
}

export class ListOutagesQueryDto {
  @ApiPropertyOptional({ enum: ['active', 'all'], description: 'active (default): not yet recovered' }) @IsOptional() @IsIn(['active', 'all']) status?: 'active' | 'all';
  @ApiPropertyOptional({ description: 'The centre and oversight: one unit only' }) @IsOptional() @IsString() @Length(1, 64) unitId?: string;
  @ApiPropertyOptional({ description: 'Include the answer script text (default true)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'false' ? false : value === 'true' ? true : value))
  @IsBoolean()
  withScript?: boolean;
}
