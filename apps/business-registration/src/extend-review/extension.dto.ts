import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

/** One extension of the review time limit, on the head's approval (§3.2). */
export class ExtensionDto {
  @ApiProperty({ description: 'Why the review needs more time', example: 'On-site verification of the domicile' })
  @IsString()
  @Matches(/\S/)
  @Length(1, 1000)
  reason: string;
  @ApiProperty({ description: 'The head (负责人) who approved the extension', example: 'head-yx' })
  @IsString()
  @Matches(/\S/)
  @Length(1, 200)
  approvedBy: string;
}
