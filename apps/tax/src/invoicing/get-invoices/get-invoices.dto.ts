import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** A page of invoices, oldest first; `after` is the last invoice number of the previous page. */
export class InvoicePageQueryDto {
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ description: 'The last invoice number of the previous page' }) @IsOptional() @IsString() @Matches(/^\d{20}$/) after?: string;
}
