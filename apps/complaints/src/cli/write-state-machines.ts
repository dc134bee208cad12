// `node -r @swc-node/register apps/complaints/src/cli/write-state-machines.ts`: writes docs/complaints/state-machines.md from the transition tables.
import fs from 'node:fs';
import path from 'node:path';
import { LONG_RUNNING_ISSUE_MACHINE, SUBMISSION_MACHINE, SUPERVISION_MACHINE, TICKET_MACHINE } from '@one-window/complaints/domain';
import { machinesMarkdown } from '@one-window/shared/state-machine';

export const STATE_MACHINES_FILE = path.resolve(__dirname, '../../../../docs/complaints/state-machines.md');

export function stateMachinesMarkdown(): string {
  return `# Complaints (12345 hotline): state machines\n\nGenerated from the transition tables of \`libs/complaints/domain\` (spec §3.3, §3.4, §3.7, §3.8); do not edit by hand.\n\n${machinesMarkdown({ Submission: SUBMISSION_MACHINE, Ticket: TICKET_MACHINE, 'Supervision case': SUPERVISION_MACHINE, 'Long-running issue': LONG_RUNNING_ISSUE_MACHINE })}`;
}

if (require.main === module) {
  fs.mkdirSync(path.dirname(STATE_MACHINES_FILE), { recursive: true });
  fs.writeFileSync(STATE_MACHINES_FILE, stateMachinesMarkdown());
  console.log(`wrote ${path.relative(process.cwd(), STATE_MACHINES_FILE)}`);
}
