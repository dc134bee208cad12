import { ABNORMAL_LISTING_MACHINE } from './annual-report/abnormal-list';
import { CREDIT_REPAIR_MACHINE } from './annual-report/credit-repair';
import { APPLICATION_MACHINE } from './application/application-machine';
import {
  BANK_PART_MACHINE,
  BUNDLE_MACHINE,
  HOUSING_FUND_PART_MACHINE,
  LICENCE_PART_MACHINE,
  SEAL_PART_MACHINE,
  SOCIAL_INSURANCE_PART_MACHINE,
  TAX_PART_MACHINE,
} from './bundle/part-machines';
import { BRANCH_MACHINE } from './change/branch';
import { CHANGE_REQUEST_MACHINE } from './change/change-request-machine';
import { entityStatusMachine } from './entity/entity-status';
import { DEREGISTRATION_MACHINE } from './exit/deregistration-machine';
import { NAME_RESERVATION_MACHINE } from './name/reservation';
import { machinesMarkdown } from '@one-window/shared/state-machine';
import { toMermaid } from './shared/state-machine';

/** Every state machine of the service, by name (for docs and admin views). */
export const STATE_MACHINES = {
  'name-reservation': NAME_RESERVATION_MACHINE,
  application: APPLICATION_MACHINE,
  'change-request': CHANGE_REQUEST_MACHINE,
  'setup-bundle': BUNDLE_MACHINE,
  'bundle-licence': LICENCE_PART_MACHINE,
  'bundle-seals': SEAL_PART_MACHINE,
  'bundle-tax': TAX_PART_MACHINE,
  'bundle-social-insurance': SOCIAL_INSURANCE_PART_MACHINE,
  'bundle-housing-fund': HOUSING_FUND_PART_MACHINE,
  'bundle-bank': BANK_PART_MACHINE,
  branch: BRANCH_MACHINE,
  'abnormal-listing': ABNORMAL_LISTING_MACHINE,
  'credit-repair-update': CREDIT_REPAIR_MACHINE,
  deregistration: DEREGISTRATION_MACHINE,
  'entity-status': entityStatusMachine({ strikeOffPilot: true }),
} as const;

export type StateMachineName = keyof typeof STATE_MACHINES;

/** Mermaid `stateDiagram-v2` source of each machine, rendered from its table. */
export function stateDiagrams(): Record<StateMachineName, string> {
  return Object.fromEntries(Object.entries(STATE_MACHINES).map(([name, machine]) => [name, toMermaid(machine)])) as Record<StateMachineName, string>;
}

/** One Markdown document with every diagram under a heading. */
export function stateDiagramsMarkdown(): string {
  return machinesMarkdown(STATE_MACHINES);
}
