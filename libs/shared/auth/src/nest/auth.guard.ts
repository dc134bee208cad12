import { ForbiddenException, Injectable, Logger, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { hasAnyRole, type Principal } from '../principal';
import { TokenRejectedError } from '../token/token-rejected.error';
import { TokenVerifier } from '../token/token-verifier';
import { attachPrincipal } from './request-principal';
import { routeAccess } from './route-access';

const REALM = 'one-window';

/**
 * Global guard (AuthModule installs it): every HTTP route needs a valid bearer token unless it is
 * @Public(); @Roles(...) further requires one of the roles. The principal is put on the request.
 *
 * 401 carries `WWW-Authenticate` as RFC 6750 §3 asks: `error="invalid_token"` for a bad or expired
 * token, and no error code when the request had no bearer token at all.
 * Non-HTTP contexts (Kafka consumers in a hybrid app) are not this guard's business.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const access = routeAccess(this.reflector, context.getHandler(), context.getClass());
    if (access.kind === 'public') return true;

    const http = context.switchToHttp();
    const principal = this.authenticate(http.getRequest<Request>(), http.getResponse<Response>());
    if (access.kind === 'roles' && !hasAnyRole(principal, access.roles)) {
      throw new ForbiddenException(`This operation requires one of the roles: ${access.roles.join(', ')}`);
    }
    return true;
  }

  private authenticate(request: Request, response: Response): Principal {
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) {
      response.setHeader('WWW-Authenticate', `Bearer realm="${REALM}"`);
      throw new UnauthorizedException('A bearer token is required');
    }
    try {
      const principal = this.verifier.verify(token);
      attachPrincipal(request, principal);
      return principal;
    } catch (error) {
      if (!(error instanceof TokenRejectedError)) throw error;
      this.logger.debug(`bearer token rejected: ${error.message}`);
      const description = error.reason === 'expired' ? 'The access token expired' : 'The access token is invalid';
      response.setHeader('WWW-Authenticate', `Bearer realm="${REALM}", error="invalid_token", error_description="${description}"`);
      throw new UnauthorizedException(description);
    }
  }
}

/** The token of an `Authorization: Bearer <token>` header; undefined if there is none. */
function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +(\S*) *$/i.exec(header ?? '');
  return match ? match[1] : undefined;
}
