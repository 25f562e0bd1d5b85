/**
 * A grammar a user passes is checked when it is loaded: a pattern recheck finds exponential backtracking in
 * is refused (E_GRAMMAR_UNSAFE), naming the rule and an input that shows it. Polynomial backtracking is
 * allowed, because the pipeline bounds the text every rule kind sees (see LINE_LIMIT in compile.ts).
 */
import { createRequire } from 'node:module';
import type { GrammarFile } from '../schema/grammar.js';
import { MinutesError } from '../errors.js';

const TIMEOUT_MS = 2_000;

type Recheck = typeof import('recheck');
let recheck: Recheck | null = null;

export function checkBacktracking(file: GrammarFile): void {
  // recheck is loaded only when a user grammar is checked (it adds ~25 MB to a process).
  recheck ??= createRequire(import.meta.url)('recheck') as Recheck;
  const { checkSync } = recheck;
  file.rules.forEach((rule, index) => {
    const result = checkSync(rule.pattern, rule.flags + 'u', { timeout: TIMEOUT_MS });
    if (result.status === 'vulnerable' && result.complexity.type === 'exponential') {
      throw new MinutesError(
        'E_GRAMMAR_UNSAFE',
        `grammar "${file.id}": field "rules.${index}.pattern" (rule ${rule.id}) backtracks exponentially — e.g. on ${JSON.stringify(result.attack.pattern).slice(0, 120)}; rewrite it so no two repetitions can match the same text`,
        { path: `rules.${index}.pattern` },
      );
    }
  });
}
