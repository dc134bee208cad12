import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { APPLICATION_STATES, type ApplicationStatus } from '@one-window/business-registration/domain';

export class ListApplicationsQueryDto {
  @ApiProperty({ enum: APPLICATION_STATES, example: 'PENDING_ACCEPTANCE' }) @IsIn(APPLICATION_STATES) status: ApplicationStatus;
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ description: 'The last id of the previous page' }) @IsOptional() @IsString() @Length(1, 64) after?: string;
}
