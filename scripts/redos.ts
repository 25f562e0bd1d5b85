/**
 * npm run redos — every regular expression in grammars/ and in src/ checked for super-linear backtracking
 * with recheck. Exponential backtracking fails, everywhere. Polynomial backtracking in a grammar rule passes
 * only because the pipeline bounds the text each rule kind sees (LINE_LIMIT / SENTENCE_LIMIT in
 * src/grammar/compile.ts); in code it fails unless the expression is listed below with the bound that makes
 * it safe. recheck's `unknown` verdict (it could not decide in time, or the pattern is beyond its analysis)
 * fails too: an expression we cannot show to be safe is bounded or rewritten. Run in CI by .ci/run.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { checkSync } from 'recheck';
import { grammarLibrary } from '../src/grammar/builtin.js';
import { limitOf } from '../src/grammar/compile.js';

// Per expression. Alone, the slowest (_base/proposed-seconded) decides in 3–5 s; late in a full run it once
// took over 10 s and came out `unknown` (a failure), so the budget leaves room for a loaded machine.
const TIMEOUT_MS = Number(process.env.REDOS_TIMEOUT_MS ?? 30_000);

/** Code expressions recheck calls polynomial, with why their input is bounded. */
const BOUNDED_IN_CODE: Record<string, string> = {
  "\\b(?<who>(?:the\\s+)?[A-Z][\\w&'’ -]{1,80}?)\\s+(?:be|is|was|are|were)\\s+(?:authorised|authorized|delegated|asked|requested|instructed)\\s+to\\b": 'ownersIn reads at most SENTENCE_LIMIT characters',
  "\\b(?:requests?|requested|asks?|asked|invites?|invited|instructs?|instructed)\\s+(?<who>(?:the\\s+)?[A-Z][\\w&'’ -]{1,80}?)\\s+to\\s+[a-z]": 'ownersIn reads at most SENTENCE_LIMIT characters',
  "\\b(?:requests?|requested|asks?|asked|agreed|recommends?)\\s+that\\s+(?<who>(?:the\\s+)?[A-Z][\\w&'’ ,-]{1,80}?)\\s+(?:should\\s+)?(?:circulate|provide|prepare|present|report|write|arrange|bring|send|undertake|investigate|publish|review|consider|update|contact|meet|liaise|develop|establish|consult|submit|ensure)\\b": 'ownersIn reads at most SENTENCE_LIMIT characters',
  '(\\s+and\\s+(?=the\\s|[A-Z]))': 'splits an owner phrase of at most 80 characters',
  '\\s+(?:substitut(?:ed|ing)\\s+)?for\\s+(.+)$': 'an attendance entry is at most 120 characters',
  '^(.*?)\\s*\\((.+)\\)\\s*$': 'an attendance entry is at most 120 characters',
  "^(?<name>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\\.?\\s+)?[A-Z][\\w'’-]+(?:\\s+[A-Z][\\w'’.-]*){0,3}),\\s+(?<role>[A-Z].*?)\\s*$": 'run only on units of at most NAME_ROLE_MAX (200) characters',
  '[,\\s]+$': 'trims a witness phrase, at most 200 characters (the witness rules capture {1,200})',
  '^(.+?)\\s+(?:on\\s+behalf\\s+of|from|of)\\s+(?:the\\s+)?(.+)$': 'splits a witness phrase of at most 200 characters',
  '^(.+?)\\s*\\(([^)]+)\\)$': 'splits a witness phrase of at most 200 characters',
  ',\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*|;\\s*': 'splits a member list captured by a declaration rule (at most 7 names)',
  '\\s+and\\s+(?=(?:the\\s+|Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Professor)\\b)|,\\s+(?=(?:the\\s+|Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\\b)': 'splits a witness phrase of at most 200 characters',
  '\\s*[–—-]\\s*$': 'trims an item title of at most 110 characters (splitDashOutcome)',
  "[^,&]+?(?=\\s*(?:,|&|\\band\\b|$))": "namesIn splits a subject of at most SUBJECT_MAX (200) characters or a names line of at most 300",
  "\\s+[-–—]\\s.*$|\\s*\\(.*$": "trims one name of a names list (at most 300 characters)",
  "\\s+(?:had|has|have|both|each|all|also)\\s*$": "a declaring sentence's subject, read only when the verb is within SUBJECT_MAX (200) characters",
  "^([^()]+?)\\s*\\(([^()]+)\\)$": "person() splits a subject phrase of at most 160 characters",
  "^([^,]+),\\s*(.+)$": "person() splits a subject phrase of at most 160 characters",
  "[,;:]+$": "trims one token of the first 220 characters of a sentence (leadingAgent)",
  "\\s+and\\s+(?=(?:the\\s+)?[A-Z])": "splits a sentence's leading agent, at most 220 characters",
  "\\s+(?:and|&)\\s+": "splits an owner subject of under 80 characters",
  "^(?:\\([\\d.]+\\)\\s*)?[^–—]{1,60}?\\s[–—-]\\s+(?=\\S)": "clauseOwners reads at most SUBJECT_MAX (200) characters of a clause",
  "\\bseconded\\b[^.;]{0,100}?\\b(?:agreed|approved|carried|appointed|accepted|resolved|adopted|elected|endorsed)\\b": "the seconded-carried cue reads at most 100 characters after each \"seconded\": linear in the text, 100 steps a start at most",
};

interface Finding {
  where: string;
  source: string;
  status: string;
  detail: string;
}

function check(source: string, flags: string): { status: string; detail: string } {
  // A fixed seed: recheck's fuzzing is random, and an unseeded run once called an expression safe that the
  // next run called polynomial. Same expressions, same verdicts.
  const result = checkSync(source, flags.replace(/[gy]/g, ''), { timeout: TIMEOUT_MS, randomSeed: 1 });
  if (result.status === 'vulnerable') return { status: result.complexity.type, detail: result.attack?.pattern ?? '' };
  if (result.status === 'unknown') return { status: 'unknown', detail: result.error?.kind ?? '' };
  return { status: 'safe', detail: '' };
}

function codeRegexes(dir: string): { where: string; source: string; flags: string }[] {
  const out: { where: string; source: string; flags: string }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...codeRegexes(path));
    else if (path.endsWith('.ts')) {
      const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const text = node.getText(file);
          const slash = text.lastIndexOf('/');
          const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
          out.push({ where: `${path}:${line}`, source: text.slice(1, slash), flags: text.slice(slash + 1) });
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
  }
  return out;
}

const failures: Finding[] = [];
const bounded: Finding[] = [];
let checked = 0;
const t0 = performance.now();

for (const grammar of grammarLibrary.values()) {
  for (const rule of grammar.rules) {
    const { status, detail } = check(rule.pattern, rule.flags + 'u');
    checked++;
    const finding = { where: `grammars/${grammar.id}.json ${rule.id} (${rule.kind}, ≤ ${limitOf(rule.kind)} chars)`, source: rule.pattern, status, detail };
    if (status === 'exponential' || status === 'unknown') failures.push(finding);
    else if (status !== 'safe') bounded.push(finding);
  }
}

for (const { where, source, flags } of codeRegexes(new URL('../src', import.meta.url).pathname)) {
  const { status, detail } = check(source, flags);
  checked++;
  const finding = { where, source, status, detail };
  if (status === 'safe') continue;
  if (status === 'polynomial' && BOUNDED_IN_CODE[source]) bounded.push({ ...finding, detail: BOUNDED_IN_CODE[source] });
  else failures.push(finding);
}

console.log(`redos: ${checked} regular expressions checked in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
if (bounded.length) {
  console.log(`\n${bounded.length} polynomial, safe because their input is bounded:`);
  for (const f of bounded) console.log(`  ${f.status.padEnd(11)} ${f.where}`);
}
if (failures.length) {
  console.log(`\n${failures.length} FAILED:`);
  for (const f of failures) console.log(`  ${f.status.padEnd(11)} ${f.where}\n      /${f.source}/\n      attack: ${f.detail.slice(0, 160)}`);
  process.exit(1);
}
console.log('\nno regular expression can backtrack without bound');
