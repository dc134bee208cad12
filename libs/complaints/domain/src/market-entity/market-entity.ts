/**
 * The market-entity directory of the complaints service (spec §5 "Enterprise requests"): what the
 * register says of a company a ticket is about, fed by business registration's events — never read
 * from its database — and turned into `marketEntityTags` for dispatch and analysis ("fed by
 * registration/tax events; no raw tax data stored", design).
 */
export interface MarketEntityFacts {
  readonly uscc: string;
  readonly name: string;
  readonly entityType: string;
  /** The register's status: ACTIVE, DORMANT, REVOKED, DEREGISTERED, STRUCK_OFF. */
  readonly status: string;
  /** On the abnormal-operations list (经营异常名录). */
  readonly abnormalListed: boolean;
}

/** At most this many tags on a ticket (the intake form's limit). */
export const MAX_MARKET_ENTITY_TAGS = 20;

/** The tag of a credit code the register does not know (not registered here: another city, or an unlicensed business). */
export const NOT_IN_REGISTER_TAG = 'NOT_IN_REGISTER';

/**
 * The tags of a ticket about a market entity: the register's (`ENTITY_TYPE:<type>`, `ENTITY_STATUS:<status>`
 * unless ACTIVE, `ABNORMAL_LISTED`; NOT_IN_REGISTER for an unknown credit code) first, then the agent's,
 * each once, at most MAX_MARKET_ENTITY_TAGS. Without a credit code the agent's tags stand alone.
 */
export function marketEntityTags(input: { readonly uscc?: string; readonly entity?: MarketEntityFacts; readonly given?: readonly string[] }): string[] {
  const derived: string[] = [];
  if (input.uscc !== undefined) {
    const e = input.entity;
    if (!e) derived.push(NOT_IN_REGISTER_TAG);
    else {
      derived.push(`ENTITY_TYPE:${e.entityType}`);
      if (e.status !== 'ACTIVE') derived.push(`ENTITY_STATUS:${e.status}`);
      if (e.abnormalListed) derived.push('ABNORMAL_LISTED');
    }
  }
  return [...new Set([...derived, ...(input.given ?? [])])].slice(0, MAX_MARKET_ENTITY_TAGS);
}
