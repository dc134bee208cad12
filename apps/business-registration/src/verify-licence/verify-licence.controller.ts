import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Public } from '@one-window/shared/auth';
import { LicenceVerificationDto } from './licence-verification.dto';
import { VerifyLicenceHandler } from './verify-licence.handler';

@Controller('public')
export class VerifyLicenceController {
  constructor(private readonly handler: VerifyLicenceHandler) {}

  @ApiOperation({ summary: 'Verifies an electronic licence token (from its QR code): valid, revoked, superseded or invalid. Public.' })
  @Post('licence-verifications')
  @HttpCode(200)
  @Public()
  verify(@Body() body: LicenceVerificationDto) {
    return this.handler.execute(body.token);
  }
}
