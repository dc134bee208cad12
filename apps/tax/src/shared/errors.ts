import { DomainError } from '@one-window/shared/http';

/** Not found, or not visible to the caller (the two are not told apart). */
export class NotFoundError extends DomainError {
  readonly code = 'tax.not_found';

  constructor(what: string, id: string) {
    super(`${what} ${id} was not found`);
  }
}
