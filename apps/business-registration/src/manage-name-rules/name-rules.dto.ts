import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsInt, IsObject, IsString } from 'class-validator';

/**
 * A complete rule set for the name self-check, published as a new version. The top level is
 * checked here; the contents (words, codes, forms per entity type) by the domain, which names every
 * bad field (422).
 */
export class NameRulesDto {
  @ApiProperty({ example: 'gz-2026.2' }) @IsString() version: string;
  @ApiProperty({ description: '[{ code: "440100", names: ["广州市", "广州"] }]' }) @IsArray() divisions: unknown[];
  @ApiProperty({ description: '[{ word: "科技", industryCode: "I" }] (GB/T 4754 sections)' }) @IsArray() industryWords: unknown[];
  @ApiProperty({ description: 'Entity type → allowed organisation forms' }) @IsObject() organisationForms: Record<string, unknown>;
  @ApiProperty({ description: '[{ word, reason }]: BLOCK' }) @IsArray() prohibitedWords: unknown[];
  @ApiProperty({ description: 'BLOCK unless approved (中国, 中华…)' }) @IsArray() restrictedWords: unknown[];
  @ApiProperty({ description: '[{ word, reason }]: WARN' }) @IsArray() sensitiveWords: unknown[];
  @ApiProperty() @IsArray() wellKnownTradeNames: unknown[];
  @ApiProperty() @IsArray() soleProprietorshipBannedWords: unknown[];
  @ApiProperty({ example: 3 }) @IsInt() editDistanceMinLength: number;
}
