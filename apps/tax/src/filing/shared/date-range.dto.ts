import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy, type ValidationOptions } from 'class-validator';
import { LocalDate } from '@one-window/shared/calendar';

/** A real calendar date 'YYYY-MM-DD' (2026-02-30 is refused). */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isLocalDate', validator: { validate: (value: unknown) => LocalDate.isValidIso(value), defaultMessage: () => '$property must be a date YYYY-MM-DD' } },
    options,
  );
}

/** `from` / `to`, inclusive local dates (HMRC MTD query parameters). */
export class DateRangeQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Inclusive, YYYY-MM-DD' }) @IsOptional() @IsLocalDate() from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'Inclusive, YYYY-MM-DD' }) @IsOptional() @IsLocalDate() to?: string;
}
