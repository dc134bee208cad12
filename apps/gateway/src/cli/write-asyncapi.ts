// `npm run docs:asyncapi`: writes docs/asyncapi.json from the services' event contracts.
import fs from 'node:fs';
import path from 'node:path';
import { eventStreamDocument } from '../events/event-stream';

const file = path.resolve(__dirname, '../../../../docs/asyncapi.json');
fs.writeFileSync(file, `${JSON.stringify(eventStreamDocument(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
