import { Open311ApiClientRepository, Open311Listing, Open311RequestRepository, OPEN311_REFERENCE_DATA, DEV_OPEN311_REFERENCE_DATA } from '@one-window/complaints/data-access';
import { Open311FallbackController } from './open311-fallback.controller';
import { GetOpen311RequestsHandler } from './requests/get-requests.handler';
import { Open311RequestsController } from './requests/open311-requests.controller';
import { PostOpen311RequestHandler } from './requests/post-request.handler';
import { Open311ServicesController } from './services/open311-services.controller';
import { Open311ServicesHandler } from './services/open311-services.handler';
import { Open311ApiKeyGuard, Open311Clients } from './shared/open311-clients';
import { Open311ExceptionFilter } from './shared/open311-error';
import { Open311Requests } from './shared/open311-requests';
import { GetOpen311TokenHandler } from './tokens/get-token.handler';
import { Open311TokensController } from './tokens/open311-tokens.controller';
import { GetOpen311UpdatesHandler } from './updates/get-updates.handler';
import { Open311UpdatesController } from './updates/open311-updates.controller';
import { PostOpen311UpdateHandler } from './updates/post-update.handler';

/** The Open311 GeoReport v2 face (spec §7), under /open311/v2. The fallback stays last. */
export const OPEN311_CONTROLLERS = [Open311ServicesController, Open311RequestsController, Open311TokensController, Open311UpdatesController, Open311FallbackController];

export const OPEN311_PROVIDERS = [
  { provide: OPEN311_REFERENCE_DATA, useValue: DEV_OPEN311_REFERENCE_DATA },
  Open311RequestRepository,
  Open311ApiClientRepository,
  Open311Listing,
  Open311Clients,
  Open311ApiKeyGuard,
  Open311ExceptionFilter,
  Open311Requests,
  Open311ServicesHandler,
  PostOpen311RequestHandler,
  GetOpen311RequestsHandler,
  GetOpen311TokenHandler,
  GetOpen311UpdatesHandler,
  PostOpen311UpdateHandler,
];
