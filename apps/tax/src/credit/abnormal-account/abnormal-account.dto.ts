import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** A risk officer's designation of an abnormal account (非正常户, tax.md §4). */
export class AbnormalDesignationDto {
  @ApiProperty({ example: '逾期未申报且无法联系', description: 'Why the taxpayer is designated (published with the event)' })
  @IsString()
  @Length(1, 500)
  reason: string;
}
