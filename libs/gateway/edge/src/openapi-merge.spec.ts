import { JsonObject, mergeOpenApi, toOpenApi31 } from './openapi-merge';

const doc = (paths: JsonObject, schemas: JsonObject = {}): JsonObject => ({
  openapi: '3.0.0',
  info: { title: 'svc', version: '1' },
  paths,
  components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
});

describe('OpenAPI merge', () => {
  it('converts 3.0 nullable and boolean exclusive bounds to 3.1', () => {
    expect(toOpenApi31({ type: 'string', nullable: true })).toEqual({ type: ['string', 'null'] });
    expect(toOpenApi31({ $ref: '#/components/schemas/A', nullable: true })).toEqual({ anyOf: [{ $ref: '#/components/schemas/A' }, { type: 'null' }] });
    expect(toOpenApi31({ type: 'number', minimum: 0, exclusiveMinimum: true })).toEqual({ type: 'number', exclusiveMinimum: 0 });
    expect(toOpenApi31({ type: 'number', maximum: 9, exclusiveMaximum: false })).toEqual({ type: 'number', maximum: 9 });
  });

  it('unions paths, tags every operation with its service, and keeps identical schemas once', () => {
    const problem = { type: 'object', properties: { status: { type: 'integer' } } };
    const merged = mergeOpenApi(
      [
        { service: 'tax', document: doc({ '/api/v1/tax/x': { get: { operationId: 'X_get', responses: {} } } }, { Problem: problem }) },
        { service: 'complaints', document: doc({ '/api/v1/complaints/y': { post: { operationId: 'Y_post', responses: {} } } }, { Problem: problem }) },
      ],
      { title: 'One Window', version: '1' },
    );
    expect(merged['openapi']).toBe('3.1.0');
    expect(Object.keys(merged['paths'] as JsonObject)).toEqual(['/api/v1/tax/x', '/api/v1/complaints/y']);
    expect(((merged['paths'] as JsonObject)['/api/v1/tax/x'] as JsonObject)['get']).toMatchObject({ tags: ['tax'], operationId: 'X_get' });
    expect((merged['tags'] as JsonObject[]).map((t) => t['name'])).toEqual(['tax', 'complaints']);
    expect(Object.keys((merged['components'] as JsonObject)['schemas'] as JsonObject)).toEqual(['Problem']);
  });

  it('renames a schema two services define differently and rewrites that service’s refs', () => {
    const ref = { $ref: '#/components/schemas/Case' };
    const merged = mergeOpenApi(
      [
        { service: 'tax', document: doc({ '/api/v1/tax/c': { get: { operationId: 'a', responses: { 200: { content: { 'application/json': { schema: ref } } } } } } }, { Case: { type: 'object', properties: { a: { type: 'string' } } } }) },
        { service: 'complaints', document: doc({ '/api/v1/complaints/c': { get: { operationId: 'a', responses: { 200: { content: { 'application/json': { schema: ref } } } } } } }, { Case: { type: 'object', properties: { b: { type: 'string' } } } }) },
      ],
      { title: 'One Window', version: '1' },
    );
    const schemas = (merged['components'] as JsonObject)['schemas'] as JsonObject;
    expect(Object.keys(schemas).sort()).toEqual(['Case', 'ComplaintsCase']);
    const complaintsOp = ((merged['paths'] as JsonObject)['/api/v1/complaints/c'] as JsonObject)['get'] as JsonObject;
    expect(JSON.stringify(complaintsOp)).toContain('#/components/schemas/ComplaintsCase');
    // operationIds stay unique
    expect(complaintsOp['operationId']).toBe('complaints.a');
  });

  it('groups an operation under "service · tag" when the service tagged it, once', () => {
    const merged = mergeOpenApi([{ service: 'tax', document: doc({ '/api/v1/tax/admin': { get: { tags: ['operations'], responses: {} } } }) }], { title: 't', version: '1' });
    expect(((merged['paths'] as JsonObject)['/api/v1/tax/admin'] as JsonObject)['get']).toMatchObject({ tags: ['tax · operations'] });
    expect((merged['tags'] as JsonObject[]).map((t) => t['name'])).toEqual(['tax', 'tax · operations']);
  });

  it('refuses two services claiming one path', () => {
    const d = doc({ '/api/v1/tax/x': { get: { responses: {} } } });
    expect(() => mergeOpenApi([{ service: 'a', document: d }, { service: 'b', document: d }], { title: 't', version: '1' })).toThrow('served by two services');
  });
});
