import fs from 'node:fs';
import { stateDiagramsMarkdown } from '../diagrams';
import { DIAGRAMS_FILE } from './write-diagrams';

it('docs/business-registration/state-machines.md is drawn from the transition tables (npm run docs:state-machines)', () => {
  expect(fs.readFileSync(DIAGRAMS_FILE, 'utf8')).toBe(stateDiagramsMarkdown());
});
