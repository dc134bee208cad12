import type { Actor } from '../shared/actors';
import { event, type Outcome } from '../shared/outcome';
import { transition, type StateMachine } from '../shared/state-machine';

/** Entity status (§10.4): 存续 ACTIVE, 歇业 DORMANT, 吊销 REVOKED, 注销 DEREGISTERED, 除名 STRUCK_OFF (pilot). */
export const ENTITY_STATES = ['ACTIVE', 'DORMANT', 'REVOKED', 'DEREGISTERED', 'STRUCK_OFF'] as const;
export type EntityStatus = (typeof ENTITY_STATES)[number];
export const ENTITY_TRIGGERS = ['start_dormancy', 'end_dormancy', 'revoke', 'deregister', 'strike_off'] as const;
export type EntityTrigger = (typeof ENTITY_TRIGGERS)[number];

/** The table; the 除名 (strike-off) row only where the pilot is on [cfg]. */
export function entityStatusMachine(options: { strikeOffPilot: boolean } = { strikeOffPilot: false }): StateMachine<EntityStatus, EntityTrigger> {
  return {
    name: options.strikeOffPilot ? 'entity-status-with-strike-off' : 'entity-status',
    codePrefix: 'registration',
    states: ENTITY_STATES,
    triggers: ENTITY_TRIGGERS,
    creations: [],
    transitions: [
      { from: ['ACTIVE'], trigger: 'start_dormancy', to: 'DORMANT', actors: ['applicant'], guard: 'Hardship (disaster, accident, public health or security) [NR]; ≤ 3 years [cfg]' },
      { from: ['DORMANT'], trigger: 'end_dormancy', to: 'ACTIVE', actors: ['applicant', 'system'], guard: 'system when the maximum period ends' },
      { from: ['ACTIVE', 'DORMANT'], trigger: 'revoke', to: 'REVOKED', actors: ['officer'], guard: 'e.g. forced exit confirmed; must still liquidate and deregister' },
      { from: ['ACTIVE', 'REVOKED'], trigger: 'deregister', to: 'DEREGISTERED', actors: ['system'], guard: 'A deregistration was approved' },
      ...(options.strikeOffPilot
        ? [{ from: ['ACTIVE', 'DORMANT'] as EntityStatus[], trigger: 'strike_off' as const, to: 'STRUCK_OFF' as const, actors: ['officer' as const], guard: 'Pilot [cfg]' }]
        : []),
    ],
    terminal: ['DEREGISTERED', 'STRUCK_OFF'],
  };
}

export const ENTITY_STATUS_MACHINE = entityStatusMachine();

/** Flags beside the status (§10.4). */
export interface EntityFlags {
  readonly abnormalListed: boolean;
  readonly underBankruptcy: boolean;
  readonly underDeregistration: boolean;
}

export interface MarketEntityState {
  readonly uscc: string;
  readonly status: EntityStatus;
  readonly flags: EntityFlags;
  readonly dormantSince?: string;
}

export interface EntityStatusChangedData {
  uscc: string;
  reasonCode?: string;
  effectiveOn: string;
}

const EVENT_OF: Partial<Record<EntityTrigger, string>> = {
  start_dormancy: 'registration.company.dormancy_started',
  end_dormancy: 'registration.company.dormancy_ended',
  revoke: 'registration.company.revoked',
};

/** A registered market entity's status. `deregister` publishes nothing here (Deregistration.approve does). */
export class MarketEntity {
  private constructor(
    readonly state: MarketEntityState,
    private readonly machine: StateMachine<EntityStatus, EntityTrigger>,
  ) {}

  static registered(uscc: string, machine = ENTITY_STATUS_MACHINE): MarketEntity {
    return new MarketEntity({ uscc, status: 'ACTIVE', flags: { abnormalListed: false, underBankruptcy: false, underDeregistration: false } }, machine);
  }

  static restore(state: MarketEntityState, machine = ENTITY_STATUS_MACHINE): MarketEntity {
    return new MarketEntity(state, machine);
  }

  apply(cmd: { trigger: EntityTrigger; actor: Actor; effectiveOn: string; at: Date; reasonCode?: string }): Outcome<MarketEntity> {
    const status = transition(this.machine, this.state.status, cmd.trigger, cmd.actor);
    const dormantSince = cmd.trigger === 'start_dormancy' ? cmd.effectiveOn : undefined;
    const { dormantSince: _old, ...rest } = this.state;
    const next = new MarketEntity({ ...rest, status, ...(dormantSince ? { dormantSince } : {}) }, this.machine);
    const type = EVENT_OF[cmd.trigger];
    const data: EntityStatusChangedData = { uscc: this.state.uscc, effectiveOn: cmd.effectiveOn, ...(cmd.reasonCode ? { reasonCode: cmd.reasonCode } : {}) };
    return { aggregate: next, events: type ? [event(type, this.state.uscc, cmd.at, data)] : [] };
  }

  withFlags(flags: Partial<EntityFlags>): MarketEntity {
    return new MarketEntity({ ...this.state, flags: { ...this.state.flags, ...flags } }, this.machine);
  }
}
