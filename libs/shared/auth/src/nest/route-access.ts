import type { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY } from '../public';
import type { Role } from '../roles';
import { ROLES_KEY } from './roles.decorator';

/** What a route demands: nothing, any authenticated principal, or one of some roles. */
export type RouteAccess = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

/**
 * The handler's own declaration wins over the controller's; on one level @Roles wins over
 * @Public (the stricter reading of a contradiction). Undeclared routes need a valid token.
 */
export function routeAccess(reflector: Reflector, handler: object, controller: object): RouteAccess {
  for (const target of [handler, controller]) {
    const roles = reflector.get<Role[] | undefined>(ROLES_KEY, target as () => unknown);
    if (roles) return { kind: 'roles', roles };
    if (reflector.get<boolean | undefined>(IS_PUBLIC_KEY, target as () => unknown) === true) return { kind: 'public' };
  }
  return { kind: 'authenticated' };
}
