import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { checkName, parseName, type NameCheckInput, type NameCheckResult, type NameRules } from '@one-window/business-registration/domain';
import {
  NameReservationRepository,
  NameRulesVersions,
  REGISTRATION_REFERENCE_DATA,
  type RegistrationAuthority,
  type RegistrationReferenceData,
} from '@one-window/business-registration/data-access';
import { UnknownAuthorityError } from './errors';

/** The name self-check against the names reserved and registered so far. */
@Injectable()
export class NameIndex {
  constructor(
    @Inject(REGISTRATION_REFERENCE_DATA) private readonly ref: RegistrationReferenceData,
    private readonly reservations: NameReservationRepository,
    private readonly versions: NameRulesVersions,
  ) {}

  /** The rules in force: the newest version an admin published, else the bundled default. */
  async rules(tx: EntityManager): Promise<NameRules> {
    return (await this.versions.current(tx))?.rules ?? this.ref.nameRules;
  }

  authority(code: string): RegistrationAuthority {
    const authority = this.ref.authorities.find((a) => a.code === code);
    if (!authority) throw new UnknownAuthorityError(code);
    return authority;
  }

  /** Serialises reservations of one trade name (until the transaction ends), so two cannot both pass. */
  async lockTradeName(tx: EntityManager, name: string): Promise<void> {
    const key = parseName(name, await this.rules(tx)).tradeNameKey;
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`name:${key}`]);
  }

  async check(tx: EntityManager, input: Omit<NameCheckInput, 'existing'>): Promise<NameCheckResult> {
    this.authority(input.authorityCode);
    const rules = await this.rules(tx);
    const parsed = parseName(input.name, rules);
    const existing = parsed.tradeNameKey
      ? await this.reservations.existingNames(tx, { tradeNameKey: parsed.tradeNameKey, ...(parsed.industryCode ? { industryCode: parsed.industryCode } : {}) })
      : [];
    return checkName({ ...input, existing }, rules);
  }
}

/** What a name check answers: the level and each reason (with the parsed parts and the rules' version). */
export function nameCheckView(result: NameCheckResult) {
  const { parsed } = result;
  return {
    level: result.level,
    reasons: result.reasons,
    rulesVersion: result.rulesVersion,
    parts: {
      ...(parsed.division ? { division: parsed.division.text } : {}),
      tradeName: parsed.tradeName,
      ...(parsed.industryWord ? { industryWord: parsed.industryWord } : {}),
      ...(parsed.organisationForm ? { organisationForm: parsed.organisationForm } : {}),
    },
  };
}
