import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  registerDecorator,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { ENTITY_TYPES, isValidResidentId, type EntityType } from '@one-window/business-registration/domain';

const ID_TYPES = ['RESIDENT_ID', 'RESIDENCE_PERMIT_HMT', 'HK_MACAO_PASS', 'TAIWAN_PASS', 'PASSPORT', 'OTHER'] as const;
const OFFICER_ROLES = ['LEGAL_REPRESENTATIVE', 'DIRECTOR', 'SUPERVISOR', 'MANAGER', 'FINANCE_CONTACT', 'LIAISON'] as const;
const METHODS = ['CASH', 'IN_KIND', 'IP', 'KNOW_HOW', 'LAND_USE_RIGHT', 'EQUITY'] as const;
const JURISDICTIONS = ['MAINLAND', 'HK', 'MACAU', 'TAIWAN', 'FOREIGN'] as const;
const REF = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** GB 11643 checksum (and a plausible birth date) for resident IDs and HK/Macau/Taiwan residence permits. */
function IsIdNumberOfType(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIdNumberOfType',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'idNumber must be a valid 18-character resident ID number (GB 11643 check character)' },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          if (typeof value !== 'string' || value.length < 5 || value.length > 40) return false;
          const idType = (args.object as { idType?: string }).idType;
          if (idType !== 'RESIDENT_ID' && idType !== 'RESIDENCE_PERMIT_HMT') return true;
          return isValidResidentId(value, new Date().toISOString().slice(0, 10));
        },
      },
    });
}

export class AddressDto {
  @ApiPropertyOptional({ example: 'GZ-ADDR-0001' }) @IsOptional() @IsString() @Length(1, 40) standardAddressId?: string;
  @ApiProperty() @IsString() @Length(1, 200) text: string;
}

export class MoneyDto {
  @ApiProperty({ example: '600000.00' }) @IsString() @Matches(/^\d{1,15}(\.\d{1,2})?$/) amount: string;
  @ApiProperty({ enum: ['CNY'] }) @IsIn(['CNY']) currency: 'CNY';
}

export class InvestorDto {
  @ApiProperty() @Matches(REF) personRef: string;
  @ApiProperty({ enum: ['NATURAL_PERSON', 'LEGAL_PERSON'] }) @IsIn(['NATURAL_PERSON', 'LEGAL_PERSON']) kind: 'NATURAL_PERSON' | 'LEGAL_PERSON';
  @ApiProperty({ enum: JURISDICTIONS }) @IsIn(JURISDICTIONS) jurisdiction: (typeof JURISDICTIONS)[number];
  @ApiProperty({ type: MoneyDto }) @IsDefined() @ValidateNested() @Type(() => MoneyDto) subscribed: MoneyDto;
  @ApiProperty({ enum: METHODS }) @IsIn(METHODS) method: (typeof METHODS)[number];
  @ApiProperty({ example: '2030-12-31' }) @IsDateString({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) dueDate: string;
}

export class PersonDto {
  @ApiProperty() @Matches(REF) personRef: string;
  @ApiProperty({ enum: ID_TYPES }) @IsIn(ID_TYPES) idType: (typeof ID_TYPES)[number];
  @ApiProperty() @IsString() @IsIdNumberOfType() idNumber: string;
  @ApiProperty({ description: 'Authenticated on the unified identity platform' }) @IsBoolean() realNameVerified: boolean;
}

export class OfficerDto {
  @ApiProperty() @Matches(REF) personRef: string;
  @ApiProperty({ enum: OFFICER_ROLES }) @IsIn(OFFICER_ROLES) role: (typeof OFFICER_ROLES)[number];
}

export class ArticlesDto {
  @ApiProperty({ enum: ['STANDARD_TEMPLATE', 'UPLOADED'] }) @IsIn(['STANDARD_TEMPLATE', 'UPLOADED']) kind: 'STANDARD_TEMPLATE' | 'UPLOADED';
  @ApiPropertyOptional() @IsOptional() @Matches(REF) documentRef?: string;
}

export class CommitmentDto {
  @ApiProperty() @IsBoolean() signed: boolean;
  @ApiPropertyOptional() @IsOptional() @Matches(REF) signatureRef?: string;
}

export class BankOptionDto {
  @ApiProperty() @IsString() @Length(1, 20) bankCode: string;
  @ApiProperty() @IsString() @Length(1, 40) branchCode: string;
}

export class TaxOptionDto {
  @ApiProperty() @IsBoolean() invoices: boolean;
  @ApiProperty() @IsBoolean() ukey: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) mailingAddress?: string;
}

export class BundleOptionsDto {
  @ApiProperty() @IsBoolean() seals: boolean;
  @ApiPropertyOptional({ type: BankOptionDto }) @IsOptional() @ValidateNested() @Type(() => BankOptionDto) bank?: BankOptionDto;
  @ApiProperty() @IsBoolean() socialInsurance: boolean;
  @ApiProperty() @IsBoolean() housingFund: boolean;
  @ApiProperty({ type: TaxOptionDto }) @IsDefined() @ValidateNested() @Type(() => TaxOptionDto) tax: TaxOptionDto;
}

export class PreApprovalDocumentDto {
  @ApiProperty() @IsString() @Length(1, 20) scopeCode: string;
  @ApiProperty() @Matches(REF) documentRef: string;
}

/** The one establishment form (一表制, §3.1); the name comes from the cited reservation. */
export class EstablishmentFormDto {
  @ApiProperty({ enum: ENTITY_TYPES }) @IsIn(ENTITY_TYPES) entityType: EntityType;
  @ApiProperty() @IsString() @Length(1, 64) nameReservationId: string;
  @ApiProperty({ type: AddressDto }) @IsDefined() @ValidateNested() @Type(() => AddressDto) domicile: AddressDto;
  @ApiPropertyOptional({ type: [AddressDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AddressDto)
  premises?: AddressDto[];
  @ApiProperty({ type: [String], example: ['I6513'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 20, { each: true })
  scopeCodes: string[];
  @ApiPropertyOptional({ type: [PreApprovalDocumentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PreApprovalDocumentDto)
  preApprovalDocuments?: PreApprovalDocumentDto[];
  @ApiProperty({ type: [InvestorDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => InvestorDto) investors: InvestorDto[];
  @ApiProperty({ type: [PersonDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => PersonDto) persons: PersonDto[];
  @ApiProperty() @Matches(REF) legalRepRef: string;
  @ApiProperty({ type: [OfficerDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => OfficerDto) officers: OfficerDto[];
  @ApiProperty({ type: ArticlesDto }) @IsDefined() @ValidateNested() @Type(() => ArticlesDto) articles: ArticlesDto;
  @ApiProperty({ type: CommitmentDto }) @IsDefined() @ValidateNested() @Type(() => CommitmentDto) commitment: CommitmentDto;
  @ApiProperty({ type: BundleOptionsDto }) @IsDefined() @ValidateNested() @Type(() => BundleOptionsDto) bundleOptions: BundleOptionsDto;
  @ApiProperty({ enum: ['ON_SITE', 'POST', 'ONLINE'] }) @IsIn(['ON_SITE', 'POST', 'ONLINE']) delivery: 'ON_SITE' | 'POST' | 'ONLINE';
}
