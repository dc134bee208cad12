import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { NameCheckDto } from '../check-name/name-check.dto';

export class ReserveNameDto extends NameCheckDto {
  @ApiPropertyOptional({ type: [String], description: 'The WARN reason codes acknowledged under the commitment' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 80, { each: true })
  acknowledgedWarnings?: string[];
  @ApiProperty({ description: 'The credit commitment (信用承诺) is signed' }) @IsBoolean() commitmentSigned: boolean;
  @ApiPropertyOptional({ description: 'The establishment needs a pre-approval (1 year instead of 2 months)' }) @IsOptional() @IsBoolean() withPreApproval?: boolean;
}
