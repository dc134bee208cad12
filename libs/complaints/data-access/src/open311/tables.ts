import { EntitySchema } from 'typeorm';
import { documentEntity, type ColumnType, type DocumentIndex } from '@one-window/shared/persistence';

/**
 * The Open311 face of a Submission created through `POST /open311/v2/requests` (spec §7): one row
 * per submission (id = the Submission id = `service_request_id`), with the batch `token`, the
 * client that posted it, and what GeoReport v2 carries besides the content: location, media URL,
 * the template attributes. No personal data (names, phone, email live in `caller_personal_data`).
 */
export const OPEN311_REQUEST_COLUMNS = {
  token: 'text',
  client_id: 'text',
  service_code: 'text',
  requested_at: 'timestamptz',
} as const satisfies Record<string, ColumnType>;

export const OPEN311_REQUEST_INDICES: DocumentIndex[] = [
  { name: 'UQ_open311_request_token', columns: ['token'], unique: true },
  { name: 'IDX_open311_request_requested_at', columns: ['requested_at'] },
];

export const Open311RequestEntity = documentEntity('open311_request', OPEN311_REQUEST_COLUMNS, OPEN311_REQUEST_INDICES);

/**
 * Registered Open311 clients (GeoReport v2 `api_key` → an `integrator` client). Only the SHA-256 of
 * the key is stored; a key is revoked by setting `revoked_at`.
 */
export const Open311ApiClientEntity = new EntitySchema({
  name: 'open311_api_client',
  columns: {
    id: { type: 'text', primary: true, primaryKeyConstraintName: 'PK_open311_api_client' },
    name: { type: 'text' },
    api_key_sha256: { type: 'text' },
    jurisdiction_id: { type: 'text', nullable: true },
    created_at: { type: 'timestamp with time zone', default: () => 'now()' },
    revoked_at: { type: 'timestamp with time zone', nullable: true },
  },
  indices: [{ name: 'UQ_open311_api_client_key', columns: ['api_key_sha256'], unique: true }],
});

export const OPEN311_ENTITIES = [Open311RequestEntity, Open311ApiClientEntity];
