import { SetMetadata } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { ApiBearerAuth, ApiExtension, DECORATORS } from '@nestjs/swagger';
import { isRole, type Role } from '../roles';
import { IS_PUBLIC_KEY } from '../public';

export const ROLES_KEY = 'roles';

/**
 * Restricts a route (or every route of a controller) to principals holding at least one of
 * `roles`; others get 403. A handler's own @Roles/@Public wins over the controller's.
 *
 * For Swagger it also applies ApiBearerAuth() (scheme `bearer`: call DocumentBuilder.addBearerAuth()),
 * the extension `x-roles` and a "Roles:" line appended to the operation description.
 * Put @Roles above @ApiOperation if that one sets a description, or it replaces the line.
 */
export function Roles(...roles: [Role, ...Role[]]): ClassDecorator & MethodDecorator {
  const unknown = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || unknown.length > 0) {
    throw new Error(`@Roles() needs known roles; got ${JSON.stringify(roles)}`);
  }
  const list = [...new Set(roles)];
  const setRoles = SetMetadata(ROLES_KEY, list);

  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor): void => {
    if (descriptor) {
      setRoles(target, key as string | symbol, descriptor);
      documentOperation(target, key as string | symbol, descriptor, list);
      return;
    }
    setRoles(target as () => unknown);
    // Class level: document each route that does not decide for itself.
    const prototype = (target as { prototype: object }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = Object.getOwnPropertyDescriptor(prototype, name);
      const handler: unknown = method?.value;
      if (!method || typeof handler !== 'function' || !Reflect.hasMetadata(METHOD_METADATA, handler)) continue;
      if (Reflect.hasMetadata(ROLES_KEY, handler) || Reflect.getMetadata(IS_PUBLIC_KEY, handler) === true) continue;
      documentOperation(prototype, name, method, list);
    }
  };
}

function documentOperation(target: object, key: string | symbol, descriptor: PropertyDescriptor, roles: Role[]): void {
  ApiBearerAuth()(target, key, descriptor);
  ApiExtension('x-roles', roles)(target, key, descriptor);
  const handler = descriptor.value as object;
  const operation: { description?: string } = Reflect.getMetadata(DECORATORS.API_OPERATION, handler) ?? {};
  const line = `**Roles:** ${roles.join(', ')}`;
  const description = operation.description ? `${operation.description}\n\n${line}` : line;
  Reflect.defineMetadata(DECORATORS.API_OPERATION, { ...operation, description }, handler);
}
