import type { Principal } from '../principal';

/** Property of the HTTP request that holds the authenticated principal (for logs and audit). */
export const PRINCIPAL_REQUEST_KEY = 'principal';

export interface RequestWithPrincipal {
  [PRINCIPAL_REQUEST_KEY]?: Principal;
}

export function attachPrincipal(request: object, principal: Principal): void {
  (request as RequestWithPrincipal)[PRINCIPAL_REQUEST_KEY] = principal;
}

/** The principal of an authenticated request; undefined on @Public() routes. */
export function principalOf(request: object): Principal | undefined {
  return (request as RequestWithPrincipal)[PRINCIPAL_REQUEST_KEY];
}
