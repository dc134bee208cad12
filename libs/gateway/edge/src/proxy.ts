import http from 'node:http';
import https from 'node:https';
import type { Downstream } from './service-registry';

/** Headers that describe one connection, not the message (RFC 9110 §7.6.1): never forwarded. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);

export interface ProxyFailure {
  status: 502 | 503 | 504;
  title: string;
  detail: string;
}

export interface ProxyOptions {
  /** How long the gateway waits for a downstream's response headers before answering 504. */
  timeoutMs: number;
  /** Extra request headers (request id, forwarded-for). */
  headers?: Record<string, string>;
}

const agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 256 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 256 }) };

/**
 * Streams one request to a downstream and its response back. Resolves when the response has been
 * piped, or with a ProxyFailure (nothing was written to `res` yet) when the downstream refuses the
 * connection (503), times out (504) or fails otherwise (502), so the caller answers problem+json.
 */
export function proxyRequest(req: http.IncomingMessage, res: http.ServerResponse, target: Downstream, o: ProxyOptions): Promise<ProxyFailure | undefined> {
  return new Promise((resolve) => {
    const url = new URL(req.url ?? '/', target.url);
    const headers: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k) && v !== undefined) headers[k] = v;
    Object.assign(headers, o.headers);
    const client = url.protocol === 'https:' ? https : http;
    let settled = false;
    const fail = (f: ProxyFailure) => {
      if (settled) return;
      settled = true;
      upstream.destroy();
      resolve(f);
    };
    const upstream = client.request(
      url,
      { method: req.method, headers, agent: agents[url.protocol as 'http:' | 'https:'] },
      (upRes) => {
        if (settled) return upRes.resume();
        settled = true;
        clearTimeout(timer);
        const out: http.OutgoingHttpHeaders = {};
        for (const [k, v] of Object.entries(upRes.headers)) if (!HOP_BY_HOP.has(k) && v !== undefined) out[k] = v;
        res.writeHead(upRes.statusCode ?? 502, out);
        upRes.pipe(res);
        upRes.on('end', () => resolve(undefined));
        upRes.on('error', () => {
          res.destroy();
          resolve(undefined);
        });
      },
    );
    const timer = setTimeout(
      () => fail({ status: 504, title: 'Gateway Timeout', detail: `${target.name} did not answer within ${o.timeoutMs} ms` }),
      o.timeoutMs,
    );
    upstream.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'].includes(e.code ?? '')) {
        fail({ status: 503, title: 'Service Unavailable', detail: `${target.name} is not reachable (${e.code})` });
      } else {
        fail({ status: 502, title: 'Bad Gateway', detail: `${target.name} failed: ${e.code ?? e.message}` });
      }
    });
    req.on('aborted', () => upstream.destroy());
    req.pipe(upstream);
  });
}
