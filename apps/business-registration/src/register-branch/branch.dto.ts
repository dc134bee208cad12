import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';

/** A simplified branch registration (分支机构, §6). */
export class BranchDto {
  @ApiProperty({ description: "The parent's name followed by a branch word (分公司, 分店, 分厂, 分部, 营业部, 分中心)", example: '广州市晨曦贸易有限公司天河分公司' })
  @IsString()
  @Length(2, 100)
  name: string;
  @ApiProperty({ description: 'Standard address id of the branch', example: 'GZ-ADDR-0004' }) @IsString() @Length(1, 64) standardAddressId: string;
  @ApiProperty({ type: [String], description: "Scope codes: within the parent's scope", example: ['I6513'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Matches(/^[A-Z]\d{4}$/, { each: true })
  scopeCodes: string[];
  @ApiProperty({ description: 'The person in charge (负责人), a person ref', example: 'p-b' }) @IsString() @Length(1, 100) personInChargeRef: string;
  @ApiPropertyOptional({ description: 'Same-business branch that commits instead of a new high-frequency permit (default false)' })
  @IsOptional()
  @IsBoolean()
  permitByCommitment?: boolean;
}
