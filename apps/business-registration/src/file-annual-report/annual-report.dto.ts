import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsEmail, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';

const AMOUNT = /^\d{1,15}(\.\d{1,2})?$/;
const SIGNED_AMOUNT = /^-?\d{1,15}(\.\d{1,2})?$/;
const OPERATING_STATUSES = ['OPERATING', 'SUSPENDED', 'LIQUIDATING'] as const;

/** 企业基本信息: how to reach the company and whether it operates. Contact details are not public and not in the event. */
export class ReportBasicInfoDto {
  @ApiProperty({ enum: OPERATING_STATUSES }) @IsIn(OPERATING_STATUSES) operatingStatus: (typeof OPERATING_STATUSES)[number];
  @ApiProperty({ example: 12, description: 'Employees at year end (从业人数)' }) @IsInt() @Min(0) @Max(10_000_000) employeeCount: number;
  @ApiProperty({ example: '020-12345678' }) @IsString() @Matches(/^[0-9+\-() ]{5,20}$/) contactPhone: string;
  @ApiPropertyOptional({ example: 'office@example.cn' }) @IsOptional() @IsEmail() @Length(3, 100) email?: string;
  @ApiProperty({ example: '广州市越秀区示例路1号' }) @IsString() @Length(1, 200) postalAddress: string;
  @ApiPropertyOptional({ type: [String], example: ['https://example.cn'], description: 'Websites and online shops (网站网店)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^https?:\/\/\S{1,200}$/, { each: true })
  websites?: string[];
}

/** 资产状况 (operations and finances, CNY): shared with tax (000 L864); published only when the company chooses to. */
export class ReportOperationsDto {
  @ApiProperty({ example: '2500000.00' }) @IsString() @Matches(AMOUNT) totalAssets: string;
  @ApiProperty({ example: '800000.00' }) @IsString() @Matches(AMOUNT) totalLiabilities: string;
  @ApiProperty({ example: '1700000.00' }) @IsString() @Matches(SIGNED_AMOUNT) ownersEquity: string;
  @ApiProperty({ example: '3200000.00' }) @IsString() @Matches(AMOUNT) revenue: string;
  @ApiProperty({ example: '3000000.00' }) @IsString() @Matches(AMOUNT) mainBusinessRevenue: string;
  @ApiProperty({ example: '260000.00' }) @IsString() @Matches(SIGNED_AMOUNT) totalProfit: string;
  @ApiProperty({ example: '195000.00' }) @IsString() @Matches(SIGNED_AMOUNT) netProfit: string;
  @ApiProperty({ example: '120000.00' }) @IsString() @Matches(AMOUNT) taxPaid: string;
  @ApiProperty({ description: 'Publish the figures on the public register (企业选择公示)' }) @IsBoolean() publishFinancials: boolean;
}

export class InsuredCountsDto {
  @ApiProperty() @IsInt() @Min(0) pension: number;
  @ApiProperty() @IsInt() @Min(0) unemployment: number;
  @ApiProperty() @IsInt() @Min(0) medical: number;
  @ApiProperty() @IsInt() @Min(0) workInjury: number;
  @ApiProperty() @IsInt() @Min(0) maternity: number;
}

/** 社保信息: insured employees per insurance; required when the company has employees. */
export class ReportSocialSecurityDto {
  @ApiProperty({ type: InsuredCountsDto }) @IsDefined() @ValidateNested() @Type(() => InsuredCountsDto) insured: InsuredCountsDto;
  @ApiPropertyOptional({ example: '6500.00' }) @IsOptional() @IsString() @Matches(AMOUNT) contributionBase?: string;
  @ApiPropertyOptional({ example: '0.00' }) @IsOptional() @IsString() @Matches(AMOUNT) arrears?: string;
}

/** 海关信息: for companies registered with customs (import and export). */
export class ReportCustomsDto {
  @ApiProperty({ example: '4401960ABC', description: '海关注册编码 (10 characters)' }) @IsString() @Matches(/^[0-9A-Z]{10}$/) customsRegistrationNo: string;
  @ApiProperty() @IsBoolean() importExport: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() crossBorderEcommerce?: boolean;
}

/** The report's sections (多报合一, §7): market regulation (basic info, operations), social security, customs. */
export class AnnualReportContentDto {
  @ApiProperty({ type: ReportBasicInfoDto }) @IsDefined() @ValidateNested() @Type(() => ReportBasicInfoDto) basicInfo: ReportBasicInfoDto;
  @ApiProperty({ type: ReportOperationsDto }) @IsDefined() @ValidateNested() @Type(() => ReportOperationsDto) operations: ReportOperationsDto;

  @ApiPropertyOptional({ type: ReportSocialSecurityDto, description: 'Required when basicInfo.employeeCount > 0' })
  @ValidateIf((o: AnnualReportContentDto) => (o.basicInfo?.employeeCount ?? 0) > 0 || o.socialSecurity !== undefined)
  @IsDefined()
  @ValidateNested()
  @Type(() => ReportSocialSecurityDto)
  socialSecurity?: ReportSocialSecurityDto;

  @ApiPropertyOptional({ type: ReportCustomsDto }) @IsOptional() @ValidateNested() @Type(() => ReportCustomsDto) customs?: ReportCustomsDto;
}

/** An annual report (年报) for one report year, filed in the next year's window (1 Jan – 30 Jun [NR, cfg]) or late (补报). */
export class FileAnnualReportDto extends AnnualReportContentDto {
  @ApiProperty({ example: 2026, description: 'The year reported on' }) @IsInt() @Min(2000) @Max(2999) year: number;
}
