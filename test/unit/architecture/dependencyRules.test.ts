import { resolve } from 'node:path';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const fixtures = resolve(__dirname, 'fixtures');

/** Cruises `entries` under `baseDir` with the repository's own rules and options, as `npm run deps` does. */
async function cruiseWithRepoRules(baseDir: string, entries: string[]): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(resolve(root, '.dependency-cruiser.cjs'));
  const tsConfig = extractTSConfig(resolve(root, 'tsconfig.json'));
  const { output } = await cruise(entries, { ...options, baseDir }, {}, { tsConfig });
  if (typeof output === 'string') throw new Error('dependency-cruiser answered text instead of a result');
  return output;
}

const edges = (violations: readonly IViolation[]) => violations.map(({ rule, from, to }) => ({ rule: rule.name, from, to }));

describe('the dependency rules (.dependency-cruiser.cjs)', () => {
  it('name each forbidden edge by its rule, type-only imports included, and let allowed edges pass', async () => {
    const result = await cruiseWithRepoRules(resolve(fixtures, 'layers'), ['renderer', 'electron']);
    expect(edges(result.summary.violations)).toEqual(
      expect.arrayContaining([
        { rule: 'data-not-above-itself', from: 'renderer/src/data/records.ts', to: 'renderer/src/sync/engine.ts' },
        { rule: 'domain-imports-only-domain', from: 'renderer/src/domain/caseRules.ts', to: 'renderer/src/data/records.ts' },
        { rule: 'electron-imports-only-protocol-and-domain-of-renderer', from: 'electron/main/index.ts', to: 'renderer/src/data/schema.ts' },
      ]),
    );
    expect(result.summary.violations).toHaveLength(3);
    expect(result.summary.error).toBe(3);
  });

  it('report a circle, even one closed by a type-only import', async () => {
    const result = await cruiseWithRepoRules(resolve(fixtures, 'circle'), ['renderer']);
    expect(result.summary.violations.length).toBeGreaterThan(0);
    for (const violation of result.summary.violations) {
      expect(violation.rule.name).toBe('no-circular');
      expect(new Set([violation.from, violation.to, ...(violation.cycle ?? []).map((step) => step.name)])).toEqual(
        new Set(['renderer/src/data/db.ts', 'renderer/src/data/outbox.ts']),
      );
    }
  });

  it('find no violation in the repository', async () => {
    const result = await cruiseWithRepoRules(root, ['renderer', 'electron', 'test/hq']);
    expect(edges(result.summary.violations)).toEqual([]);
    // Not vacuous: the whole renderer, main process and reference HQ were read.
    expect(result.summary.totalCruised).toBeGreaterThan(300);
  });
});
