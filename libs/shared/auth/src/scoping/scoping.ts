import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { Principal } from '../principal';
import { visibilityOf } from './visibility';

/** The ownership fields scoping looks at. */
export interface ScopedResource {
  ownerId?: string;
  agencyId?: string;
}

/** A repository filter: the caller's resources, the agency's, or everything. */
export type ScopeFilter = { ownerId: string } | { agencyId: string } | Record<string, never>;

/** Whether `principal` may see `resource` (see ROLE_VISIBILITY). */
export function canSee(principal: Principal, resource: ScopedResource): boolean {
  const visibility = visibilityOf(principal);
  switch (visibility.rule) {
    case 'all':
      return true;
    case 'agency':
      return resource.agencyId === visibility.agencyId;
    case 'own':
      return resource.ownerId === visibility.ownerId;
    case 'none':
      return false;
  }
}

/**
 * Throws 404 when the resource is absent or not visible to the caller: never 403, which would
 * tell the caller that the resource exists. `assertVisible(me, await repo.find(id))`.
 */
export function assertVisible<T extends ScopedResource>(principal: Principal, resource: T | null | undefined): asserts resource is T {
  if (!resource || !canSee(principal, resource)) throw new NotFoundException();
}

/**
 * The filter to AND into a list query: `{ ownerId }`, `{ agencyId }` or `{}` (everything).
 * Throws 403 for callers that see nothing: listing is an operation they may not perform.
 */
export function scopeFilter(principal: Principal): ScopeFilter {
  const visibility = visibilityOf(principal);
  switch (visibility.rule) {
    case 'all':
      return {};
    case 'agency':
      return { agencyId: visibility.agencyId };
    case 'own':
      return { ownerId: visibility.ownerId };
    case 'none':
      throw new ForbiddenException('Your roles give no access to these records');
  }
}
