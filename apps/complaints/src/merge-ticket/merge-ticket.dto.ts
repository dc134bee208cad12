import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class MergeTicketDto {
  @ApiProperty() @IsString() @Length(1, 64) primaryTicketId: string;
  @ApiPropertyOptional({ description: 'Why both are the same matter (default: a generic reason)' }) @IsOptional() @IsString() @Length(1, 2000) reason?: string;
  @ApiPropertyOptional({ description: 'The candidate score shown to the agent' }) @IsOptional() @IsNumber() @Min(0) @Max(1) score?: number;
}
