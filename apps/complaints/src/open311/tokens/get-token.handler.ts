import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Open311RequestRepository, SubmissionRepository } from '@one-window/complaints/data-access';
import { Open311Exception } from '../shared/open311-error';

/**
 * GET /tokens/{token} (spec §7): `[{service_request_id, token}]` once the Submission is registered
 * (or closed: it then has its final public record), `[]` before (design, Q12); 404 for an unknown token.
 */
@Injectable()
export class GetOpen311TokenHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly open311: Open311RequestRepository,
    private readonly submissions: SubmissionRepository,
  ) {}

  async execute(token: string): Promise<{ service_request_id: string; token: string }[]> {
    const tx = this.ds.manager;
    const found = /^[0-9a-f-]{36}$/i.test(token) ? await this.open311.byToken(tx, token.toLowerCase()) : undefined;
    if (!found) throw new Open311Exception(404, `token ${token} not found`);
    const submission = await this.submissions.get(tx, found.id);
    const status = submission?.doc.status;
    return status === 'REGISTERED' || status === 'CLOSED' ? [{ service_request_id: found.id, token: found.token }] : [];
  }
}
