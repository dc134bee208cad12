import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { validNameRules } from '@one-window/business-registration/domain';
import { NameRulesVersions, REGISTRATION_REFERENCE_DATA, type RegistrationReferenceData } from '@one-window/business-registration/data-access';
import { NotFoundError, NameRulesVersionExistsError } from '../shared/errors';
import type { NameRulesDto } from './name-rules.dto';

/**
 * The name rules as versioned data (名称自主申报 reference data), editable by admins: every
 * publication is a new immutable version, in force at once for checks and reservations (each
 * result names the version it was checked against); the bundled default applies until one is.
 */
@Injectable()
export class ManageNameRulesHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly versions: NameRulesVersions,
    @Inject(REGISTRATION_REFERENCE_DATA) private readonly ref: RegistrationReferenceData,
  ) {}

  async current() {
    const current = await this.versions.current(this.ds.manager);
    return {
      current: current
        ? { version: current.id, publishedAt: current.publishedAt.toISOString(), publishedBy: current.publishedBy, rules: current.rules }
        : { version: this.ref.nameRules.version, publishedAt: null, publishedBy: null, rules: this.ref.nameRules, bundledDefault: true },
      versions: await this.versions.list(this.ds.manager),
    };
  }

  async get(version: string) {
    const stored = await this.versions.get(this.ds.manager, version);
    if (!stored) throw new NotFoundError('Name rules version', version);
    return { version: stored.doc.id, publishedAt: stored.doc.publishedAt.toISOString(), publishedBy: stored.doc.publishedBy, rules: stored.doc.rules };
  }

  async publish(dto: NameRulesDto, adminId: string) {
    const rules = validNameRules({ ...dto });
    return this.ds.transaction(async (tx) => {
      if (rules.version === this.ref.nameRules.version || (await this.versions.get(tx, rules.version))) throw new NameRulesVersionExistsError(rules.version);
      const publishedAt = new Date();
      await this.versions.insert(tx, { id: rules.version, rules, publishedAt, publishedBy: adminId });
      return { version: rules.version, publishedAt: publishedAt.toISOString(), publishedBy: adminId };
    });
  }
}
