export { createServiceDataSource, serviceDataSourceOptions } from './data-source';
export type { ServiceDataSourceOptions } from './data-source';
export { databaseUrlFor, ensureDatabaseExists } from './database-admin';
export { migrate, schemaDrift } from './migrations';
export { runPersistenceCli } from './cli/persistence-cli';
export { ConcurrentModificationError, DocumentStore, documentEntity, documentIndexSql, documentTableSql, reviveDates } from './document-store';
export type { ColumnType, DocumentIndex, Projection, Stored } from './document-store';
export { compareWithLock, fingerprintsOf, migrationFingerprint, migrationStatements } from './migration-lock';
export type { LockComparison, MigrationLock } from './migration-lock';
