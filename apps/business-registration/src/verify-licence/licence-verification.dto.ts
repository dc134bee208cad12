import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** A licence token as read from the QR code (or typed in). */
export class LicenceVerificationDto {
  @ApiProperty({ description: 'The compact JWS the licence QR code carries' }) @IsString() @Length(1, 8192) token: string;
}
