import { ApiResponse, type SchemaObject } from '@nestjs/swagger';
import { PROBLEM_BASE_URI, PROBLEM_CONTENT_TYPE } from '../problem/problem-details';

export const PROBLEM_SCHEMA_NAME = 'ProblemDetails';

/** OpenAPI schema of ProblemDetails (RFC 9457 plus requestId and violations). */
export const PROBLEM_DETAILS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri', example: `${PROBLEM_BASE_URI}validation-error` },
    title: { type: 'string', example: 'Invalid request' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
    detail: { type: 'string' },
    instance: { type: 'string', description: 'Request path of this occurrence.', example: '/applications' },
    requestId: { type: 'string', description: 'X-Request-Id of the request; quote it to support.' },
    violations: {
      type: 'array',
      description: 'Present on validation-error: one entry per bad field.',
      items: {
        type: 'object',
        required: ['field', 'reason'],
        properties: {
          field: { type: 'string', example: 'shareholders[0].idNumber' },
          reason: { type: 'string', example: 'idNumber must be a string' },
        },
      },
    },
  },
  additionalProperties: true,
};

const problemContent = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` } } };

/** Documents an error response of an operation as a problem document: `@ApiProblemResponse(409, 'Already submitted')`. */
export function ApiProblemResponse(status: number, description: string): MethodDecorator & ClassDecorator {
  return ApiResponse({ status, description, content: problemContent });
}
