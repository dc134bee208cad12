/**
 * Merges the services' OpenAPI documents (as @nestjs/swagger produces them, OpenAPI 3.0) into the
 * one OpenAPI 3.1 document the gateway serves at /openapi.json.
 *  - paths are taken as they are (each service already serves under /api/v1/<service>);
 *  - component schemas that two services define differently are renamed `<Service><Name>` and
 *    that service's $refs rewritten; identical ones are kept once;
 *  - operationIds are made unique (prefixed with the service when they collide);
 *  - OpenAPI 3.0 constructs that 3.1 replaced are converted (`nullable`, boolean exclusive bounds).
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export interface ServiceDocument {
  service: string;
  document: JsonObject;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const pascal = (s: string) => s.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const deepEqual = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

function mapJson(value: Json, fn: (o: JsonObject) => JsonObject): Json {
  if (Array.isArray(value)) return value.map((v) => mapJson(v, fn));
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapJson(v, fn);
    return fn(out);
  }
  return value;
}

/** Converts one schema-bearing tree from OpenAPI 3.0 to 3.1 (JSON Schema 2020-12) conventions. */
export function toOpenApi31(value: Json): Json {
  return mapJson(value, (o): JsonObject => {
    const out = { ...o };
    if (out['nullable'] === true) {
      delete out['nullable'];
      if (typeof out['type'] === 'string') out['type'] = [out['type'], 'null'];
      else if (typeof out['$ref'] === 'string') return { anyOf: [{ $ref: out['$ref'] }, { type: 'null' }] };
    } else if (out['nullable'] === false) {
      delete out['nullable'];
    }
    for (const [flag, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      if (out[flag] === true && typeof out[bound] === 'number') {
        out[flag] = out[bound];
        delete out[bound];
      } else if (out[flag] === false) {
        delete out[flag];
      }
    }
    return out;
  });
}

function rewriteRefs(value: Json, renames: Map<string, string>): Json {
  if (renames.size === 0) return value;
  return mapJson(value, (o) => {
    const ref = o['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
      const name = ref.slice('#/components/schemas/'.length);
      const renamed = renames.get(name);
      if (renamed) return { ...o, $ref: `#/components/schemas/${renamed}` };
    }
    return o;
  });
}

export function mergeOpenApi(docs: ServiceDocument[], info: { title: string; version: string; description?: string }): JsonObject {
  const schemas: JsonObject = {};
  const securitySchemes: JsonObject = {};
  const paths: JsonObject = {};
  const tags: JsonObject[] = [];
  const operationIds = new Set<string>();

  for (const { service, document } of docs) {
    const theirSchemas = isObject(document['components']) && isObject(document['components']['schemas']) ? document['components']['schemas'] : {};
    const renames = new Map<string, string>();
    for (const [name, schema] of Object.entries(theirSchemas)) {
      if (name in schemas && !deepEqual(schemas[name], toOpenApi31(schema))) renames.set(name, `${pascal(service)}${name}`);
    }
    for (const [name, schema] of Object.entries(theirSchemas)) {
      const converted = rewriteRefs(toOpenApi31(schema), renames);
      schemas[renames.get(name) ?? name] = converted;
    }
    const theirSecurity = isObject(document['components']) && isObject(document['components']['securitySchemes']) ? document['components']['securitySchemes'] : {};
    Object.assign(securitySchemes, theirSecurity);

    const title = isObject(document['info']) && typeof document['info']['title'] === 'string' ? document['info']['title'] : service;
    tags.push({ name: service, description: title });
    for (const [path, item] of Object.entries(isObject(document['paths']) ? document['paths'] : {})) {
      if (path in paths) throw new Error(`OpenAPI merge: path ${path} is served by two services`);
      const converted = rewriteRefs(toOpenApi31(item), renames) as JsonObject;
      for (const method of HTTP_METHODS) {
        const op = converted[method];
        if (!isObject(op)) continue;
        let id = typeof op['operationId'] === 'string' ? op['operationId'] : `${method}${path}`;
        if (operationIds.has(id)) id = `${service}.${id}`;
        operationIds.add(id);
        // One tag per operation, so each appears once in Swagger UI: the service, or "service · its own tag".
        const own = Array.isArray(op['tags']) && typeof op['tags'][0] === 'string' ? op['tags'][0] : undefined;
        const tag = own && own !== service ? `${service} · ${own}` : service;
        if (!tags.some((t) => t['name'] === tag)) tags.push({ name: tag });
        converted[method] = { ...op, operationId: id, tags: [tag] };
      }
      paths[path] = converted;
    }
  }

  return {
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      ...(info.description ? { description: info.description } : {}),
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    servers: [{ url: '/' }],
    tags,
    paths,
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, ...securitySchemes } },
  };
}
