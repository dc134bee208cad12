import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { MoneyDto } from '../submit-application/establishment-form.dto';

const REF = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export class NewDomicileDto {
  @ApiProperty({ example: 'GZ-ADDR-0001', description: 'Standardised address id (the registry resolves the text and district)' })
  @IsString()
  @Length(1, 40)
  standardAddressId: string;
}

/** A change registration (变更登记): the new values of the registered facts that change; at least one. */
export class ChangeCompanyDto {
  @ApiProperty({ example: '2026-12-01', description: "Date of the shareholders' resolution; file within 30 days" })
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  resolutionOn: string;

  @ApiPropertyOptional({ description: 'A name reserved by the same applicant for the new name' }) @IsOptional() @IsString() @Length(1, 64) nameReservationId?: string;
  @ApiPropertyOptional({ type: NewDomicileDto }) @IsOptional() @ValidateNested() @Type(() => NewDomicileDto) domicile?: NewDomicileDto;
  @ApiPropertyOptional({ type: MoneyDto }) @IsOptional() @ValidateNested() @Type(() => MoneyDto) capital?: MoneyDto;
  @ApiPropertyOptional({ type: [String], example: ['I6513', 'F5191'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 20, { each: true })
  scopeCodes?: string[];
  @ApiPropertyOptional({ description: 'Person reference of the new legal representative' }) @IsOptional() @Matches(REF) legalRepRef?: string;
}
