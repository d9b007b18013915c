import { writeFileSync } from 'node:fs';
import { pdfSuite } from './suites/pdf';
import { backupSuite } from './suites/backup';
import { casesSuite } from './suites/cases';
import { figuresSuite } from './suites/figures';
import { ledgerSuite } from './suites/ledger';
import { startupSuite } from './suites/startup';
import { syncSuite } from './suites/sync';
import type { BenchResult, BenchSuite } from './types';

/** Every suite by name; later suites register here. */
const suites: BenchSuite[] = [startupSuite, pdfSuite, casesSuite, backupSuite, syncSuite, figuresSuite, ledgerSuite];

function parseArgs(argv: string[]): { names: string[]; json?: string } {
  const names: string[] = [];
  let json: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') {
      json = argv[++i];
      if (!json) throw new Error('--json needs a file name');
    } else if (arg.startsWith('--')) {
      throw new Error(`unknown option ${arg}`);
    } else {
      names.push(arg);
    }
  }
  return json === undefined ? { names } : { names, json };
}

function describe(result: BenchResult): string {
  const anchor = result.anchor ? `  anchor ${result.anchor.name} ${result.anchor.median} ${result.unit}, ratio ${result.ratio}` : '';
  const unencrypted = result.unencrypted ? `  unencrypted median ${result.unencrypted.median} ${result.unit}, p95 ${result.unencrypted.p95} ${result.unit}, ratio ${result.unencrypted.ratio}` : '';
  const target = result.target ? `  target ${result.target.stat} ≤ ${result.target.max} ${result.unit}: ${result[result.target.stat] <= result.target.max ? 'met' : 'MISSED'}` : '';
  return `${result.suite} · ${result.name}: median ${result.median} ${result.unit}, p95 ${result.p95} ${result.unit} (n=${result.n})${anchor}${unencrypted}${target}`;
}

async function main(): Promise<void> {
  const { names, json } = parseArgs(process.argv.slice(2));
  const unknown = names.filter((n) => !suites.some((s) => s.name === n));
  if (unknown.length) throw new Error(`unknown suite(s): ${unknown.join(', ')}; known: ${suites.map((s) => s.name).join(', ')}`);
  const chosen = names.length ? suites.filter((s) => names.includes(s.name)) : suites;
  const results: BenchResult[] = [];
  for (const suite of chosen) {
    console.log(`— ${suite.name}`);
    for (const result of await suite.run()) {
      console.log(describe(result));
      results.push(result);
    }
  }
  if (json) writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
