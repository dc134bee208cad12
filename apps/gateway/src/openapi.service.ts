import { Inject, Injectable, Logger } from '@nestjs/common';
import { Downstream, JsonObject, mergeOpenApi, ServiceDocument } from '@one-window/gateway/edge';
import { DOWNSTREAMS, GATEWAY_CONFIG } from './gateway.tokens';
import type { GatewayConfig } from './gateway.config';

const CACHE_MS = 10_000;

/** Fetches every service's OpenAPI document and serves them merged (cached for a few seconds). */
@Injectable()
export class OpenApiService {
  private readonly logger = new Logger('OpenApi');
  private cache?: { at: number; document: JsonObject };

  constructor(
    @Inject(DOWNSTREAMS) private readonly services: Downstream[],
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async document(): Promise<JsonObject> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache.document;
    const fetched = await Promise.all(this.services.map((s) => this.fetchOne(s)));
    const available = fetched.filter((d): d is ServiceDocument => d !== undefined);
    const unavailable = this.services.filter((_, i) => fetched[i] === undefined).map((s) => s.name);
    const document = mergeOpenApi(available, {
      title: 'One Window (一窗通办) API',
      version: '1.0.0',
      description:
        'One application, many agencies in parallel. Every route is `/api/v1/{service}/...`; errors are RFC 9457 problem+json; ' +
        'POSTs accept Idempotency-Key; each operation lists the roles that may call it (x-roles).',
    });
    if (unavailable.length) document['x-unavailable-services'] = unavailable;
    else this.cache = { at: Date.now(), document };
    return document;
  }

  private async fetchOne(s: Downstream): Promise<ServiceDocument | undefined> {
    try {
      const res = await fetch(new URL('/openapi.json', s.url), { signal: AbortSignal.timeout(this.config.healthTimeoutMs) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return { service: s.name, document: (await res.json()) as JsonObject };
    } catch (e) {
      this.logger.warn(`OpenAPI document of ${s.name} unavailable: ${(e as Error).message}`);
      return undefined;
    }
  }
}
