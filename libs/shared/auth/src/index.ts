// Roles and principal
export { ROLES, isRole, type Role } from './roles';
export { hasAnyRole, type Principal } from './principal';

// Token verification and configuration
export { JWT_ALGORITHMS, jwkThumbprint, type JwtAlgorithm } from './token/algorithms';
export { DEFAULT_AUDIENCE, DEFAULT_CLOCK_TOLERANCE_SECONDS, DEV_ISSUER, type AuthOptions } from './token/auth-options';
export { AUTH_ENV, AuthConfigError, loadAuthOptionsFromEnv } from './token/load-auth-options-from-env';
export { TokenRejectedError, type TokenRejectionReason } from './token/token-rejected.error';
export { TokenVerifier } from './token/token-verifier';
export { DISTRICT_CODE } from './token/principal-from-claims';

// Nest integration
export { IS_PUBLIC_KEY, Public } from './public';
export { ROLES_KEY, Roles } from './nest/roles.decorator';
export { CurrentPrincipal } from './nest/current-principal.decorator';
export { PRINCIPAL_REQUEST_KEY, principalOf, type RequestWithPrincipal } from './nest/request-principal';
export { AuthGuard } from './nest/auth.guard';
export { AUTH_OPTIONS, AuthModule, type AuthModuleAsyncOptions } from './nest/auth.module';

// Data scoping
export { ROLE_VISIBILITY, visibilityOf, type Visibility, type VisibilityRule } from './scoping/visibility';
export { assertVisible, canSee, scopeFilter, type ScopeFilter, type ScopedResource } from './scoping/scoping';

// Dev tokens
export { ensureDevKeyPair, type DevKeyPair } from './dev/dev-key-pair';
export { mintToken, type TokenClaims } from './dev/mint-token';
export type { Ttl } from './dev/ttl';

// Audit
export type { AuditActor, AuditEntry, AuditOutcome, AuditResult } from './audit/audit-entry';
export { AuditSink } from './audit/audit-sink';
export { AUDIT_STATUS_OF, AuditInterceptor } from './audit/audit.interceptor';
export { InMemoryAuditSink } from './audit/in-memory-audit-sink';
export { PostgresAuditSink, type AuditQuery } from './audit/postgres-audit-sink';
export { AUDIT_TABLE_SQL } from './audit/audit-table.sql';
