import fs from 'node:fs';
import { STATE_MACHINES_FILE, stateMachinesMarkdown } from './write-state-machines';

it('docs/complaints/state-machines.md is drawn from the transition tables (apps/complaints/src/cli/write-state-machines.ts)', () => {
  expect(fs.readFileSync(STATE_MACHINES_FILE, 'utf8')).toBe(stateMachinesMarkdown());
});
