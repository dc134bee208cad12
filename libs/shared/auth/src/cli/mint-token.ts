// Dev token CLI: prints a signed token on stdout, notes on stderr.
//   node -r @swc-node/register libs/shared/auth/src/cli/mint-token.ts --role officer --agency SAMR-GZ --sub officer-1 [--district 440104] [--ttl 8h]
// Keys: <repo root>/.local/dev-keys/ (git-ignored), generated on first use.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runMintTokenCli } from '../dev/mint-token-cli';

function repoRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
  }
  return process.cwd();
}

try {
  const { token, note } = runMintTokenCli(process.argv.slice(2), join(repoRoot(__dirname), '.local', 'dev-keys'));
  if (note) process.stderr.write(`${note}\n`);
  process.stdout.write(`${token}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 2;
}
