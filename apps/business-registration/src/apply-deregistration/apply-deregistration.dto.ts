import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsString, Length, Matches, ValidateIf } from 'class-validator';

export const DEREGISTRATION_ROUTES = ['SIMPLIFIED', 'ORDINARY', 'COURT'] as const;
const REF = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/**
 * A deregistration application (注销, §8). SIMPLIFIED (简易注销): every investor of record signed the
 * commitment (全体投资人承诺书); ORDINARY (普通注销): the liquidation report is filed; COURT (by a
 * court or the administrator): the ruling that ended the liquidation or bankruptcy proceedings.
 */
export class ApplyDeregistrationDto {
  @ApiProperty({ enum: DEREGISTRATION_ROUTES }) @IsIn(DEREGISTRATION_ROUTES) route: (typeof DEREGISTRATION_ROUTES)[number];

  @ApiPropertyOptional({ description: 'SIMPLIFIED (required): the investors’ commitment letter is signed' })
  @ValidateIf((o: ApplyDeregistrationDto) => o.route === 'SIMPLIFIED' || o.commitmentSigned !== undefined)
  @IsBoolean()
  commitmentSigned?: boolean;

  @ApiPropertyOptional({ type: [String], example: ['p-a', 'p-b'], description: 'SIMPLIFIED (required): person refs of the investors who signed; must cover every investor of record' })
  @ValidateIf((o: ApplyDeregistrationDto) => o.route === 'SIMPLIFIED' || o.committedInvestorRefs !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Matches(REF, { each: true })
  committedInvestorRefs?: string[];

  @ApiPropertyOptional({ example: 'LIQ-2027-0001', description: 'ORDINARY (required): the filed liquidation report (清算报告)' })
  @ValidateIf((o: ApplyDeregistrationDto) => o.route === 'ORDINARY' || o.liquidationReportRef !== undefined)
  @IsString()
  @Matches(REF)
  liquidationReportRef?: string;

  @ApiPropertyOptional({ example: '(2027)粤01破12号', description: 'COURT (required): the ruling that ended the proceedings' })
  @ValidateIf((o: ApplyDeregistrationDto) => o.route === 'COURT' || o.courtRulingRef !== undefined)
  @IsString()
  @Length(1, 100)
  courtRulingRef?: string;
}
