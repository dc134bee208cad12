import type { ClaimResult, IdempotencyClaim, IdempotencyRecord, IdempotencyStore, StoredResponse } from './idempotency-store';

/** Idempotency store in a Map, for unit tests only (not shared between processes, lost on restart). */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, IdempotencyRecord>();

  constructor(private readonly now: () => number = Date.now) {}

  async claim(claim: IdempotencyClaim): Promise<ClaimResult> {
    const id = this.id(claim.key, claim.scope);
    const existing = this.records.get(id);
    if (existing && existing.expiresAt.getTime() > this.now()) {
      return { claimed: false, record: structuredClone(existing) };
    }
    this.records.set(id, {
      key: claim.key,
      scope: claim.scope,
      fingerprint: claim.fingerprint,
      expiresAt: new Date(this.now() + claim.ttlSeconds * 1000),
    });
    return { claimed: true };
  }

  async complete(key: string, scope: string, response: StoredResponse): Promise<void> {
    const record = this.records.get(this.id(key, scope));
    if (record) {
      record.response = structuredClone(response);
    }
  }

  async release(key: string, scope: string): Promise<void> {
    const id = this.id(key, scope);
    if (this.records.get(id)?.response === undefined) {
      this.records.delete(id);
    }
  }

  async purgeExpired(): Promise<number> {
    let purged = 0;
    for (const [id, record] of this.records) {
      if (record.expiresAt.getTime() <= this.now()) {
        this.records.delete(id);
        purged += 1;
      }
    }
    return purged;
  }

  private id(key: string, scope: string): string {
    return JSON.stringify([key, scope]);
  }
}
