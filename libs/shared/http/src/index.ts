// Problem details (RFC 9457) and error mapping
export {
  PROBLEM_BASE_URI,
  PROBLEM_CONTENT_TYPE,
  problemTypeUri,
  type ProblemDetails,
  type ProblemInit,
  type Violation,
} from './problem/problem-details';
export { ProblemTypes, problemForStatus } from './problem/problem-types';
export { ProblemException, type ProblemExceptionOptions } from './problem/problem.exception';
export { DomainError } from './problem/domain-error';
export { ProblemTypeRegistry, type ProblemTypeMap, type ProblemTypeMapping } from './problem/problem-type-registry';
export { resolveProblem, type ResolvedProblem } from './problem/resolve-problem';
export { ProblemDetailsFilter } from './problem/problem-details.filter';
export { bodyParserErrorMapper, problemFromBodyParserError } from './problem/body-parser-errors';

// Validation
export { createValidationPipe } from './validation/create-validation-pipe';
export { toViolations, UNKNOWN_FIELD_REASON } from './validation/violations';
export { validationProblem } from './validation/validation-problem';

// Request context and id
export { REQUEST_ID_HEADER, getRequestContext, runWithRequestContext, type RequestContext } from './context/request-context';
export { isSafeRequestId, requestIdMiddleware } from './context/request-id.middleware';
export { requestPath } from './context/request-path';

// Logging and personal data masking
export { JsonLogger, type JsonLoggerOptions } from './logging/json-logger';
export { maskIdNumber, maskPersonalData, maskPhone, maskText } from './logging/mask-personal-data';
export { accessLogMiddleware, type AccessLogOptions } from './logging/access-log.middleware';

// Idempotency-Key
export {
  DEFAULT_IDEMPOTENCY_TTL_SECONDS,
  type ClaimResult,
  type IdempotencyClaim,
  type IdempotencyRecord,
  type IdempotencyStore,
  type StoredResponse,
} from './idempotency/idempotency-store';
export {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  IdempotencyInterceptor,
  parseIdempotencyKey,
  type IdempotencyOptions,
} from './idempotency/idempotency.interceptor';
export { InMemoryIdempotencyStore } from './idempotency/in-memory-idempotency-store';
export { PostgresIdempotencyStore, type SqlQuery } from './idempotency/postgres-idempotency-store';
export {
  CreateHttpIdempotencyKeys1767225600000,
  DROP_IDEMPOTENCY_TABLE_SQL,
  IDEMPOTENCY_TABLE,
  IDEMPOTENCY_TABLE_SQL,
} from './idempotency/idempotency-table';
export { canonicalJson, requestFingerprint } from './idempotency/canonical-json';

// Conditional requests
export { etagOf, parseEntityTags, setETag, type EntityTag, type EtagOptions } from './conditional/etag';
export { assertIfMatch, type IfMatchOptions } from './conditional/if-match';
export { ETagFrom, ETagInterceptor, type VersionSelector } from './conditional/etag.decorator';

// Cursor pagination
export { decodeCursor, encodeCursor } from './pagination/cursor';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageQueryDto } from './pagination/page-query.dto';
export { mapPage, nextPageLink, toPage, type Page, type ToPageOptions } from './pagination/page';
export { keysetCondition, type KeysetOptions } from './pagination/keyset';

// Health
export { HealthModule } from './health/health.module';
export { HEALTH_OPTIONS, HealthController, type HealthOptions } from './health/health.controller';
export { runReadinessChecks, type CheckResult, type HealthCheck, type ReadinessReport } from './health/readiness';

// Auth metadata shared with @one-window/shared/auth
export { IS_PUBLIC_KEY, Public } from './auth/public.decorator';

// OpenAPI
export { buildOpenApiDocument, withProblemDetails, type OpenApiDocumentOptions } from './openapi/build-openapi-document';
export { ApiProblemResponse, PROBLEM_DETAILS_SCHEMA, PROBLEM_SCHEMA_NAME } from './openapi/problem-schema';

// Bootstrap
export { configureHttpApp, DEFAULT_BODY_LIMIT, type HttpAppOptions, type HttpAppWiring } from './bootstrap/configure-http-app';

// Transient database conflicts (deadlock, serialization failure): run the request again
export { isTransientConflict, TRANSIENT_CONFLICT_SQLSTATES } from './retry/transient-conflict';
export { TransientConflictRetryInterceptor, type TransientConflictRetryOptions } from './retry/transient-conflict-retry.interceptor';
