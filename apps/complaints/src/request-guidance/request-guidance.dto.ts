import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { GUIDANCE_KINDS, type GuidanceKind } from '@one-window/complaints/domain';

export class RequestGuidanceDto {
  @ApiProperty({ enum: GUIDANCE_KINDS }) @IsIn(GUIDANCE_KINDS) kind: GuidanceKind;
  @ApiProperty({ example: 'GZ-GUIDANCE', description: 'The guidance body (agency_id of its officers)' }) @IsString() @Length(1, 64) guidanceBodyId: string;
}
