import { AUDIT_TABLE_SQL } from './audit-table.sql';
import { PostgresAuditSink } from './postgres-audit-sink';

describe('PostgresAuditSink', () => {
  it('inserts one parameterised row per entry', async () => {
    const calls: [string, unknown[]][] = [];
    const sink = new PostgresAuditSink(async (sql, params) => {
      calls.push([sql, params]);
      return [];
    });
    const at = new Date('2025-01-15T09:00:00Z');
    await sink.record({
      at,
      actor: { subject: 'officer-1', roles: ['officer'], agencyId: 'SAMR-GZ' },
      action: 'POST /applications/:id/submit',
      resource: '/applications/app-1/submit',
      outcome: { status: 201, result: 'success' },
      requestId: 'req-42',
    });
    await sink.record({ at, actor: null, action: 'POST /x', resource: '/x', outcome: { status: 500, result: 'error' } });

    expect(calls).toEqual([
      [
        'INSERT INTO audit_log (at, actor_subject, actor_roles, actor_agency_id, action, resource, status, result, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
        [at, 'officer-1', ['officer'], 'SAMR-GZ', 'POST /applications/:id/submit', '/applications/app-1/submit', 201, 'success', 'req-42'],
      ],
      [expect.stringContaining('INSERT INTO audit_log'), [at, null, [], null, 'POST /x', '/x', 500, 'error', null]],
    ]);
  });

  it('propagates a failed insert to the caller', async () => {
    const sink = new PostgresAuditSink(async () => {
      throw new Error('relation "audit_log" does not exist');
    });
    await expect(
      sink.record({ at: new Date(), actor: null, action: 'POST /x', resource: '/x', outcome: { status: 201, result: 'success' } }),
    ).rejects.toThrow('relation "audit_log" does not exist');
  });

  it('declares an append-only table whose columns match the insert', () => {
    for (const column of ['at', 'actor_subject', 'actor_roles', 'actor_agency_id', 'action', 'resource', 'status', 'result', 'request_id']) {
      expect(AUDIT_TABLE_SQL).toMatch(new RegExp(`^\\s+${column}\\s`, 'm'));
    }
    expect(AUDIT_TABLE_SQL).toContain('BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW');
    expect(AUDIT_TABLE_SQL).toContain('BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT');
  });
});
