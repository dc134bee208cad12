/** The response kept for replay: status, JSON body, and the selected headers (lower-case names). */
export interface StoredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface IdempotencyRecord {
  key: string;
  scope: string;
  /** Hash of method, path, caller subject and canonical body of the first request. */
  fingerprint: string;
  /** Undefined while the first request is still being handled. */
  response?: StoredResponse;
  expiresAt: Date;
}

export interface IdempotencyClaim {
  key: string;
  /** Namespace of the key, e.g. the caller subject; (key, scope) is unique. */
  scope: string;
  fingerprint: string;
  ttlSeconds: number;
}

/** `claimed`: the caller owns the key and must complete or release it; otherwise the live record. */
export type ClaimResult = { claimed: true } | { claimed: false; record: IdempotencyRecord };

/** Port for idempotency key storage. Implementations must make `claim` atomic. */
export interface IdempotencyStore {
  /** Takes the key if it is free or expired; otherwise returns the record holding it. */
  claim(claim: IdempotencyClaim): Promise<ClaimResult>;
  /** Stores the response of a claimed key for replay. */
  complete(key: string, scope: string, response: StoredResponse): Promise<void>;
  /** Frees a claimed key whose request failed, so the client may retry. */
  release(key: string, scope: string): Promise<void>;
  /** Deletes expired keys; returns how many. */
  purgeExpired(): Promise<number>;
}

/** 24 hours. */
export const DEFAULT_IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
