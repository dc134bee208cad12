import type { NextFunction, Request, Response } from 'express';
import { TokenRejectedError, TokenVerifier } from '@one-window/shared/auth';
import { Downstream, proxyRequest, RateLimiter, routeFor } from '@one-window/gateway/edge';
import { getRequestContext, REQUEST_ID_HEADER } from '@one-window/shared/http';
import { sendProblem } from './problem';

export interface EdgeOptions {
  services: Downstream[];
  verifier: TokenVerifier;
  limiter: RateLimiter;
  upstreamTimeoutMs: number;
  now?: () => number;
}

/**
 * /api/v1/<service>/... : verify a bearer token when one is sent (authorisation itself is the
 * service's, which knows its roles and public routes), rate-limit per caller, then stream the
 * request to the service with the request id. A downstream that is down or slow gives a
 * problem+json 503/504/502 within the timeout, never a hang.
 */
export function edgeMiddleware(o: EdgeOptions) {
  const now = o.now ?? Date.now;
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const path = req.originalUrl;
    const target = routeFor(path, o.services);
    if (!target) return next();

    let caller = `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
    const authorization = req.headers.authorization;
    if (authorization) {
      const m = /^Bearer\s+(\S+)$/i.exec(authorization);
      try {
        if (!m) throw new TokenRejectedError('malformed', 'Authorization header is not "Bearer <token>"');
        const principal = o.verifier.verify(m[1]);
        caller = `sub:${principal.subject}`;
      } catch (e) {
        if (!(e instanceof TokenRejectedError)) throw e;
        res.setHeader('WWW-Authenticate', `Bearer realm="one-window", error="invalid_token", error_description="${e.message.replace(/"/g, "'")}"`);
        return sendProblem(res, 401, 'unauthorized', 'Unauthorized', e.message, path);
      }
    }

    const decision = o.limiter.take(caller, now());
    res.setHeader('RateLimit-Limit', String(decision.limit));
    res.setHeader('RateLimit-Remaining', String(decision.remaining));
    res.setHeader('RateLimit-Reset', String(decision.resetSeconds));
    if (!decision.allowed) {
      res.setHeader('Retry-After', String(decision.retryAfterSeconds));
      return sendProblem(res, 429, 'too-many-requests', 'Too Many Requests', `Rate limit of ${decision.limit} requests exceeded; retry in ${decision.retryAfterSeconds} s`, path);
    }

    const requestId = getRequestContext()?.requestId;
    const failure = await proxyRequest(req, res, target, {
      timeoutMs: o.upstreamTimeoutMs,
      headers: {
        ...(requestId ? { [REQUEST_ID_HEADER.toLowerCase()]: requestId } : {}),
        'x-forwarded-for': [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', '),
        'x-forwarded-proto': req.protocol,
      },
    });
    if (failure && !res.headersSent) {
      const slug = { 502: 'bad-gateway', 503: 'service-unavailable', 504: 'gateway-timeout' }[failure.status];
      if (failure.status === 503) res.setHeader('Retry-After', '5');
      sendProblem(res, failure.status, slug, failure.title, failure.detail, path, { service: target.name });
    }
  };
}
