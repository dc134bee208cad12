import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PUBLIC_EXTENSION } from '../auth/public.decorator';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem-details';
import { PROBLEM_DETAILS_SCHEMA, PROBLEM_SCHEMA_NAME } from './problem-schema';

export interface OpenApiDocumentOptions {
  title: string;
  version: string;
  /** Server URL or path the API is served under, e.g. `/business-registration`; default `/`. */
  serverPath?: string;
  description?: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * OpenAPI 3 document of the app, with the ProblemDetails schema as a component and, on every
 * operation that does not document one, a `default` response pointing at it.
 */
export function buildOpenApiDocument(app: INestApplication, options: OpenApiDocumentOptions): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle(options.title)
    .setVersion(options.version)
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addServer(options.serverPath ?? '/')
    // The scheme @Roles (auth lib) refers to: a JWT from the government identity provider.
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer');
  if (options.description) {
    builder.setDescription(options.description);
  }
  return withProblemDetails(SwaggerModule.createDocument(app, builder.build()));
}

/**
 * Adds the ProblemDetails component and default problem responses to a document, and states
 * `security: []` on the operations marked @Public() (in place, returned).
 */
export function withProblemDetails(document: OpenAPIObject): OpenAPIObject {
  document.components = document.components ?? {};
  document.components.schemas = { ...document.components.schemas, [PROBLEM_SCHEMA_NAME]: PROBLEM_DETAILS_SCHEMA };
  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (operation && (operation as unknown as Record<string, unknown>)[PUBLIC_EXTENSION] === true && !operation.security) operation.security = [];
      if (operation && !operation.responses?.['default']) {
        operation.responses = {
          ...operation.responses,
          default: {
            description: 'Error (RFC 9457 problem details)',
            content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` } } },
          },
        };
      }
    }
  }
  return document;
}
