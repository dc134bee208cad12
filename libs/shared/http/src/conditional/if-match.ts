import { ProblemException } from '../problem/problem.exception';
import { ProblemTypes } from '../problem/problem-types';
import { etagOf, parseEntityTags } from './etag';

export interface IfMatchOptions {
  /** When true (default) a missing If-Match is 428 precondition-required; when false it passes. */
  required?: boolean;
}

type HeaderBag = Record<string, string | string[] | undefined>;

/**
 * Optimistic concurrency check for a write. Passes when If-Match is `*` or lists the strong ETag of
 * `currentVersion`; throws 412 `precondition-failed` (with the current ETag header) when it does not,
 * and 428 `precondition-required` when the header is missing and required.
 */
export function assertIfMatch(req: { headers: HeaderBag }, currentVersion: number | string, options: IfMatchOptions = {}): void {
  const raw = req.headers['if-match'];
  const header = Array.isArray(raw) ? raw.join(', ') : raw;
  const current = etagOf(currentVersion);
  if (header === undefined || header.trim() === '') {
    if (options.required ?? true) {
      throw new ProblemException({
        type: ProblemTypes.preconditionRequired,
        title: 'Precondition required',
        status: 428,
        detail: `Send If-Match with the ETag you last read (e.g. If-Match: ${current}) to change this resource.`,
      });
    }
    return;
  }
  const tags = parseEntityTags(header);
  const matches = tags === '*' || (tags ?? []).some((tag) => !tag.weak && `"${tag.opaque}"` === current);
  if (!matches) {
    throw new ProblemException(
      {
        type: ProblemTypes.preconditionFailed,
        title: 'Precondition failed',
        status: 412,
        detail:
          tags === undefined
            ? 'If-Match is not a valid list of quoted entity-tags (e.g. "7").'
            : 'The resource has changed since you read it. Read it again and retry with its current ETag.',
      },
      { headers: { ETag: current } },
    );
  }
}
