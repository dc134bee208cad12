import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

/** The company's objection during a forced-exit notice. */
export class ForcedExitObjectionDto {
  @ApiProperty({ example: 'We filed our returns at another tax office; see receipt 2029-0412', description: 'Why the company should not be revoked' })
  @IsString()
  @Matches(/\S/)
  @Length(1, 2000)
  reason: string;
}
