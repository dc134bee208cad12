import { All, Controller, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@one-window/shared/auth';
import { Open311Exception, Open311ExceptionFilter } from './shared/open311-error';

/**
 * Anything else under /open311/v2 (a path without its `.json` / `.xml` suffix, an unknown resource
 * or method): a 404 Open311 error list rather than problem+json. Registered after the other
 * Open311 controllers.
 */
@Controller('open311/v2')
@Public()
@UseFilters(Open311ExceptionFilter)
@ApiExcludeController()
export class Open311FallbackController {
  @All('*path')
  notFound(): never {
    throw new Open311Exception(404, 'Unknown Open311 resource: GeoReport v2 paths end in .json or .xml (see discovery.json)');
  }
}
