/**
 * The built-in grammars and the roles gazetteer, bundled as JSON, plus detection: which family a text
 * follows. Detection scores each family's `detect` rules over the head of the text (weights summed) and
 * falls back to `_base` when no family cue is found.
 */
import baseFile from '../../grammars/_base.json' with { type: 'json' };
import moderngovFile from '../../grammars/moderngov.json' with { type: 'json' };
import numberedFile from '../../grammars/numbered.json' with { type: 'json' };
import scrutinyFile from '../../grammars/scrutiny.json' with { type: 'json' };
import rolesFile from '../../grammars/roles.json' with { type: 'json' };
import { GazetteerSchema, type Gazetteer, type GrammarFile } from '../schema/grammar.js';
import { compileGrammar, parseGrammarFile, Grammar } from './compile.js';
import { MinutesError } from '../errors.js';
import { checkBacktracking } from './check-backtracking.js';

const files: GrammarFile[] = [baseFile, moderngovFile, numberedFile, scrutinyFile].map((file) =>
  parseGrammarFile(file, `grammars/${(file as { id: string }).id}.json`),
);

export const grammarLibrary: ReadonlyMap<string, GrammarFile> = new Map(files.map((file) => [file.id, file]));

const compiled = new Map<string, Grammar>();

/** A built-in grammar by id, compiled once. */
export function builtinGrammar(id: string): Grammar {
  let grammar = compiled.get(id);
  if (!grammar) {
    const file = grammarLibrary.get(id);
    if (!file) {
      throw new MinutesError('E_GRAMMAR_UNKNOWN', `unknown grammar "${id}"; the built-in grammars are: ${[...grammarLibrary.keys()].join(', ')}`, {
        id,
      });
    }
    grammar = compileGrammar(file, grammarLibrary);
    compiled.set(id, grammar);
  }
  return grammar;
}

const userGrammars = new Map<string, Grammar>();

/**
 * A user's grammar object: validated, checked for exponential backtracking (recheck), then compiled against
 * the built-in library for `extends`. Checked once per distinct grammar (the check takes a moment).
 */
export function userGrammar(value: unknown): Grammar {
  const key = JSON.stringify(value);
  const cached = userGrammars.get(key);
  if (cached) return cached;
  const file = parseGrammarFile(value, 'options.grammar');
  const grammar = compileGrammar(file, grammarLibrary);
  checkBacktracking(file);
  if (userGrammars.size > 32) userGrammars.clear();
  userGrammars.set(key, grammar);
  return grammar;
}

export const roles: Gazetteer = GazetteerSchema.parse(rolesFile);

/** The built-in grammar list: id, name, description and rule count (own rules). */
export const grammars: ReadonlyArray<{ id: string; name: string; description: string; extends: readonly string[]; rules: number }> = files.map(
  (file) => ({ id: file.id, name: file.name, description: file.description, extends: file.extends, rules: file.rules.length }),
);

/** How far into the text detection looks: layout cues sit in the page head. */
const DETECT_WINDOW = 20_000;

/** Picks the family whose detect rules score highest over the head of the text; `_base` when none fire. */
export function detectGrammar(text: string): Grammar {
  const head = text.slice(0, DETECT_WINDOW);
  let best: { id: string; score: number } = { id: '_base', score: 0 };
  for (const file of files) {
    if (file.id === '_base') continue;
    let score = 0;
    const grammar = builtinGrammar(file.id);
    // Each of the family's own detect rules, prefiltered: a rule whose literals the head lacks is not run.
    for (const rule of grammar.rulesOf('detect')) {
      if (rule.grammar !== file.id) continue;
      if (grammar.fires(rule, head)) {
        score += rule.weight ?? 1;
        if (grammar.hits) grammar.hits.set(rule.id, (grammar.hits.get(rule.id) ?? 0) + 1);
      }
    }
    if (score > best.score) best = { id: file.id, score };
  }
  return builtinGrammar(best.id);
}
