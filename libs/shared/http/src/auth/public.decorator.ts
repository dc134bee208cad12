import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

/** Metadata key read by the auth guard (in @one-window/shared/auth) to let a route through unauthenticated. */
export const IS_PUBLIC_KEY = 'isPublic';

/** OpenAPI extension set on public operations; the document builder turns it into `security: []`. */
export const PUBLIC_EXTENSION = 'x-public';

/**
 * Marks a route (or controller) as reachable without a token, and documents it so (`security: []`
 * in the OpenAPI document). Defined here so auth can import it without a cycle.
 */
export const Public = (): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(IS_PUBLIC_KEY, true), ApiExtension(PUBLIC_EXTENSION, true));
