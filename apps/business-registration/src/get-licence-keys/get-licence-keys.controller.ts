import { Controller, Get } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Public } from '@one-window/shared/auth';
import { LicenceSigner } from '../shared/licence-signer';

@Controller('public')
export class GetLicenceKeysController {
  constructor(private readonly signer: LicenceSigner) {}

  @ApiOperation({ summary: 'The licence signing key(s) as a JWK Set (RFC 7517), so anyone can verify a licence offline. Public.' })
  @Get('licence-keys')
  @Public()
  keys() {
    return this.signer.jwks();
  }
}
