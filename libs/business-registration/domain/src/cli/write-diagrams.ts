// `npm run docs:state-machines`: writes docs/business-registration/state-machines.md from the transition tables.
import fs from 'node:fs';
import path from 'node:path';
import { stateDiagramsMarkdown } from '../diagrams';

export const DIAGRAMS_FILE = path.resolve(__dirname, '../../../../../docs/business-registration/state-machines.md');

if (require.main === module) {
  fs.writeFileSync(DIAGRAMS_FILE, stateDiagramsMarkdown());
  console.log(`wrote ${path.relative(process.cwd(), DIAGRAMS_FILE)}`);
}
