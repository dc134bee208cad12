/**
 * Downstream services the gateway routes to, from `SERVICE_URLS`:
 *   business-registration=http://127.0.0.1:3101,tax=http://127.0.0.1:3103
 * A request to /api/v1/<name>/... goes to <url>/api/v1/<name>/... unchanged.
 */
export interface Downstream {
  name: string;
  url: URL;
}

export function parseServiceUrls(raw: string): Downstream[] {
  const seen = new Set<string>();
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const eq = entry.indexOf('=');
      if (eq <= 0) throw new Error(`SERVICE_URLS entry "${entry}" is not name=url`);
      const name = entry.slice(0, eq).trim();
      if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`SERVICE_URLS: bad service name "${name}"`);
      if (seen.has(name)) throw new Error(`SERVICE_URLS: service "${name}" listed twice`);
      seen.add(name);
      let url: URL;
      try {
        url = new URL(entry.slice(eq + 1).trim());
      } catch {
        throw new Error(`SERVICE_URLS: "${name}" has no valid URL`);
      }
      if (!['http:', 'https:'].includes(url.protocol)) throw new Error(`SERVICE_URLS: "${name}" must use http or https`);
      return { name, url };
    });
}

/** The downstream a path belongs to, or undefined: `/api/v1/<name>` or `/api/v1/<name>/...`. */
export function routeFor(path: string, services: Downstream[]): Downstream | undefined {
  const m = /^\/api\/v1\/([a-z][a-z0-9-]*)(\/|\?|$)/.exec(path);
  return m ? services.find((s) => s.name === m[1]) : undefined;
}
