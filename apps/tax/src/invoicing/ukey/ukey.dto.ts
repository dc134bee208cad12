import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';

/** Order the tax UKey (税控设备): by mail (address) or at a counter (office). Free for a new taxpayer. */
export class OrderUKeyDto {
  @ApiProperty({ enum: ['MAIL', 'COUNTER'] }) @IsIn(['MAIL', 'COUNTER']) pickup: 'MAIL' | 'COUNTER';
  @ApiPropertyOptional({ description: 'MAIL: the postal address' })
  @ValidateIf((o: OrderUKeyDto) => o.pickup === 'MAIL' || o.mailingAddress !== undefined)
  @IsString()
  @Length(1, 300)
  mailingAddress?: string;
  @ApiPropertyOptional({ description: 'COUNTER: the tax office that hands it over' })
  @ValidateIf((o: OrderUKeyDto) => o.pickup === 'COUNTER' || o.counterOfficeId !== undefined)
  @IsString()
  @Length(1, 64)
  counterOfficeId?: string;
}

export class DispatchUKeyDto {
  @ApiProperty({ example: 'SF1234567890' }) @IsString() @Matches(/^[A-Za-z0-9-]{6,40}$/, { message: 'trackingNo must be 6–40 letters, digits or hyphens' }) trackingNo: string;
  @ApiPropertyOptional({ example: 'SF Express' }) @IsOptional() @IsString() @Length(1, 100) carrier?: string;
}

export class ActivateUKeyDto {
  @ApiProperty({ example: 'UK-44-000123' }) @IsString() @Length(1, 64) deviceNo: string;
}
