import { z } from 'zod';
import { findCatalogueProblems } from './consistency';
import { catalogueMessages as m } from './messages';
import { catalogueSchema, type Catalogue } from './schema';
import { describeShapeIssue } from './shapeProblems';

export type CatalogueParseResult =
  | { ok: true; catalogue: Catalogue }
  | {
      ok: false;
      /** One sentence for the clerk or admin: the first problem, and how many more there are. */
      message: string;
      /** Every problem found (shape problems first; consistency is checked only on a well-shaped file). */
      problems: readonly string[];
    };

/** Deeper than any real catalogue (a condition nests a few levels); guards the recursive parse. */
const maxDepth = 40;

const chineseErrors = z.locales.zhCN();

/**
 * Validates a catalogue as received (parsed JSON from `resources/catalogue/` or from HQ). Refuses it
 * whole on any problem, so the caller keeps using the catalogue it had. Never throws.
 */
export function parseCatalogue(json: unknown): CatalogueParseResult {
  if (depthExceeds(json, maxDepth)) return refused([`${m.catalogueEntry}：${m.tooDeep}`]);

  // jitless: zod's fast path compiles code with `new Function`, which the renderer's CSP forbids.
  const parsed = catalogueSchema.safeParse(json, { jitless: true, error: chineseErrors.localeError });
  if (!parsed.success) return refused(parsed.error.issues.map((issue) => describeShapeIssue(json, issue)));

  const problems = findCatalogueProblems(parsed.data);
  if (problems.length > 0) return refused(problems);
  return { ok: true, catalogue: parsed.data };
}

function refused(problems: readonly string[]): CatalogueParseResult {
  const [first = m.catalogueEntry] = problems;
  const more = problems.length > 1 ? m.moreProblems(problems.length - 1) : '';
  return { ok: false, message: `${m.refusedPrefix}${first}${more}`, problems };
}

/** Iterative, so a hostile nesting depth cannot overflow the stack before it is refused. */
function depthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return false;
}
