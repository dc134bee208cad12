import { problemTypeUri } from './problem-details';

/** How one DomainError code is shown over HTTP. `type` is a slug or an absolute URI. */
export interface ProblemTypeMapping {
  status: number;
  title: string;
  type: string;
}

export type ProblemTypeMap = Record<string, ProblemTypeMapping>;

/**
 * The single place where domain error codes become HTTP problems. Build one per app
 * (`configureHttpApp(app, { problemTypes })`), usually from one `problem-types.ts` per service.
 */
export class ProblemTypeRegistry {
  private readonly byCode = new Map<string, ProblemTypeMapping>();

  constructor(initial: ProblemTypeMap = {}) {
    for (const [code, mapping] of Object.entries(initial)) {
      this.register(code, mapping);
    }
  }

  /** Registers a code; registering the same code twice with another mapping is a programming error. */
  register(code: string, mapping: ProblemTypeMapping): this {
    if (!Number.isInteger(mapping.status) || mapping.status < 400 || mapping.status > 599) {
      throw new RangeError(`Problem type for "${code}" needs an error status (400-599), got ${mapping.status}`);
    }
    const normalized = { ...mapping, type: problemTypeUri(mapping.type) };
    const existing = this.byCode.get(code);
    if (existing && JSON.stringify(existing) !== JSON.stringify(normalized)) {
      throw new Error(`Domain error code "${code}" is already mapped to ${existing.type}`);
    }
    this.byCode.set(code, normalized);
    return this;
  }

  resolve(code: string): ProblemTypeMapping | undefined {
    return this.byCode.get(code);
  }
}
