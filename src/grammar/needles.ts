/**
 * Literal prefilters for grammar rules: for each pattern, a set of lower-case strings of which every match
 * must contain at least one ("submitted", "presented", … for `\b(?:submitted|presented)\s+the\s+report`).
 * A text that holds none of them cannot match, so the rule's regular expression is not run on it — most
 * rules fail on most texts. The test is two reads per needle in a table of the text's trigrams (marked once
 * per text, see TrigramTable), far cheaper than a regex that fails.
 *
 * Worked out once per rule, when a grammar is compiled, from the pattern's syntax tree (ESLint's regexpp
 * parser). The sets are only ever *necessary* conditions, so a prefilter can let a text through that then
 * fails, never stop one that would match: the test suite checks that on every rule and every corpus text.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { isSpace } from '../text/strings.js';

/** Shorter needles filter too little to pay for the search. */
const MIN_NEEDLE = 3;

type Needles = string[] | null;

const parser = new RegExpParser({ ecmaVersion: 2025 });

/** The trigram keys of one needle (see TrigramTable). */
export type NeedleKeys = readonly number[];
/**
 * Needles of a set that share one trigram key (their first, or their last: whichever makes fewer groups),
 * with each needle's other keys. A text that lacks the shared key lacks every needle of the group, so one read
 * rejects them all: spelled out, "(?:submitted|presented|introduced)\s+(?:a|the|his|her)" is twelve needles
 * but three first trigrams. An empty `rests` entry: the shared key is the whole needle.
 */
export interface NeedleGroup {
  shared: number;
  rests: readonly NeedleKeys[];
}
/**
 * A prefilter: sets of needles, each set as its needles' trigram keys (grouped). The text must hold a needle
 * of every set: "\b(?:Committee|Council|Board)\s+(?:agreed|approved)\b" needs one of the bodies *and* one of
 * the verbs, a far sharper test than either list alone.
 */
export type Prefilter = readonly (readonly NeedleGroup[])[];

/** At most this many sets are tested: the strongest few reject nearly every text that can be rejected. */
const MAX_SETS = 3;

/** The prefilter of a pattern as trigram keys, or null when no literal is required (the pattern always runs). */
export function prefilterOf(pattern: string, flags: string): Prefilter | null {
  const sets = needleSetsOf(pattern, flags);
  return sets ? sets.map((set) => groupedNeedles(set.map(needleKeys))) : null;
}

/** A set's needles grouped by a shared key: by their first trigram or by their last, whichever gives fewer groups. */
function groupedNeedles(needles: readonly NeedleKeys[]): NeedleGroup[] {
  const by = (position: (keys: NeedleKeys) => number) => {
    const groups = new Map<number, NeedleKeys[]>();
    for (const keys of needles) {
      const shared = position(keys);
      const rest = keys.filter((key) => key !== shared);
      const group = groups.get(shared);
      if (group) group.push(rest);
      else groups.set(shared, [rest]);
    }
    // A needle that is its shared key alone makes the rest of its group moot.
    return [...groups].map(([shared, rests]) => ({ shared, rests: rests.some((rest) => rest.length === 0) ? [[]] : rests }));
  };
  // needleKeys lists a needle's first trigram, then its last.
  const byFirst = by((keys) => keys[0]);
  const byLast = by((keys) => keys[1] ?? keys[0]);
  return byLast.length < byFirst.length ? byLast : byFirst;
}

/** The strongest set of needles of a pattern (see needleSetsOf), or null when no literal is required. */
export function needlesOf(pattern: string, flags: string): string[] | null {
  return needleSetsOf(pattern, flags)?.[0] ?? null;
}

/**
 * The sets of needles a pattern requires, strongest first: every match contains a needle of each set. A
 * pattern of one alternative requires the literals of each of its elements; one of several alternatives
 * requires a needle of whichever matched (one set of them all). Null when no literal is required.
 */
export function needleSetsOf(pattern: string, flags: string): string[][] | null {
  let ast: AST.Pattern;
  try {
    ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
  } catch {
    return null;
  }
  const found = ast.alternatives.length === 1 ? choicesOf(ast.alternatives[0].elements) : [ofAlternatives(ast.alternatives) ?? []];
  const usable = found.filter((set) => set.length > 0 && set.every((n) => n.length >= MIN_NEEDLE)).map((set) => [...new Set(set)].sort());
  usable.sort((a, b) => strength(b) - strength(a) || a.length - b.length);
  return usable.length ? usable.slice(0, MAX_SETS) : null;
}

/** How much a set filters: the length of its shortest needle. */
const strength = (set: readonly string[]) => Math.min(...set.map((s) => s.length));

/** Some alternative matches: the text must hold a needle of whichever one did. */
function ofAlternatives(alternatives: readonly AST.Alternative[]): Needles {
  const out: string[] = [];
  for (const alternative of alternatives) {
    const found = ofSequence(alternative.elements);
    if (!found) return null;
    out.push(...found);
  }
  return out;
}

/**
 * Every element of a sequence must match: each element's needles are a set the text must hold one of. Runs
 * of elements that match only literal text — plain characters, white space, groups of literal alternatives,
 * optional ones — form one set of literals, every way they can be spelled ("\bto\s+(?:write|send)" holds
 * "to write" or "to send"); zero-width assertions (\b, ^, lookarounds) match no text and do not break a run.
 */
function choicesOf(elements: readonly AST.Element[]): string[][] {
  const choices: string[][] = [];
  let run = [''];
  const endRun = () => {
    if (!run.includes('')) choices.push(run);
    run = [''];
  };
  for (const element of elements) {
    const spellings = exactSpellings(element);
    if (spellings) {
      const joined = joinSpellings(run, spellings);
      if (joined) run = joined;
      else {
        endRun();
        run = spellings;
      }
      continue;
    }
    endRun();
    const found = ofElement(element);
    if (found?.length) choices.push(found);
  }
  endRun();
  return choices;
}

/** A run's spellings are kept to this many: past it, the run ends and a new one starts. */
const MAX_SPELLINGS = 64;

/** Every spelling of `a` followed by one of `b` (white space joined as one space), or null when there would be too many. */
function joinSpellings(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length * b.length > MAX_SPELLINGS) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x.endsWith(' ') && y.startsWith(' ') ? x + y.slice(1) : x + y);
  return [...out];
}

/**
 * Every text an element can match, when they are few and literal (lower-cased, white space as one space);
 * null otherwise. A zero-width assertion matches only the empty text; an optional element the empty text too.
 */
function exactSpellings(element: AST.Element): string[] | null {
  switch (element.type) {
    case 'Assertion':
      return [''];
    case 'Character':
    case 'CharacterSet': {
      const char = literalChar(element);
      return char === null ? null : [char];
    }
    case 'Group':
    case 'CapturingGroup': {
      const out = new Set<string>();
      for (const alternative of element.alternatives) {
        let spellings: string[] | null = [''];
        for (const e of alternative.elements) {
          const next = exactSpellings(e);
          spellings = next && joinSpellings(spellings, next);
          if (!spellings) return null;
        }
        for (const x of spellings) out.add(x);
        if (out.size > MAX_SPELLINGS) return null;
      }
      return [...out];
    }
    case 'Quantifier': {
      // White space once or more is one space; none or more, none or one.
      if (isWhiteSpace(element.element)) return element.min >= 1 ? [' '] : ['', ' '];
      if (element.max !== 1) return null;
      const inner = exactSpellings(element.element);
      return inner && (element.min === 1 ? inner : [...new Set(['', ...inner])]);
    }
    default:
      return null;
  }
}

/** Inside a larger pattern, one set stands for a sequence: the one that filters most (longest shortest needle, then fewest). */
function ofSequence(elements: readonly AST.Element[]): Needles {
  let best: string[] | null = null;
  for (const set of choicesOf(elements)) if (!best || strength(set) > strength(best) || (strength(set) === strength(best) && set.length < best.length)) best = set;
  return best;
}

function ofElement(element: AST.Element): Needles {
  switch (element.type) {
    case 'Group':
    case 'CapturingGroup':
      return ofAlternatives(element.alternatives);
    case 'Quantifier':
      // An optional element requires nothing; one that must occur at least once requires its own needles.
      return element.min >= 1 ? ofElement(element.element) : null;
    default:
      return null;
  }
}

/**
 * A character that matches only itself (case aside), lower-cased; null for classes, sets and the rest. White
 * space — a space or `\s` — is a space: the trigram table reads every run of white space as one.
 */
function literalChar(element: AST.Element): string | null {
  if (isWhiteSpace(element)) return ' ';
  if (element.type !== 'Character') return null;
  const char = String.fromCodePoint(element.value);
  // Only letters, digits and plain punctuation: characters whose case folding is simple.
  return /^[A-Za-z0-9 ,.:;'’&()/-]$/.test(char) ? char.toLowerCase() : null;
}

/** `\s`, not negated. */
const isWhiteSpace = (element: AST.Node) => element.type === 'CharacterSet' && element.kind === 'space' && !element.negate;

/** The lower-case code of one character, with the two that fold onto ASCII letters (long s, Kelvin sign) folded. */
function foldCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  if (c === 0x17f) return 115;
  if (c === 0x212a) return 107;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

const TABLE_BITS = 16;
const hash3 = (a: number, b: number, c: number) => (((a * 961 + b * 31 + c) * 2654435761) >>> (32 - TABLE_BITS));

/**
 * A needle as the trigrams it must find, hashed: its first and last, then the rest (a long needle's ends are
 * often common — " to the next meeting" — where its middle is not). A text that lacks any cannot contain the
 * needle (a hash collision can only let a text through, never stop one).
 */
export function needleKeys(needle: string): number[] {
  const code = (i: number) => foldCode(needle.charCodeAt(i));
  const n = needle.length;
  const at = (i: number) => hash3(code(i), code(i + 1), code(i + 2));
  const keys = [at(0), at(n - 3)];
  for (let i = 1; i < n - 3; i++) keys.push(at(i));
  return [...new Set(keys)];
}

/**
 * The trigrams of the last text marked, in a table stamped with a generation number (no clearing between
 * texts): one pass over the text, then a needle test is two array reads.
 */
export class TrigramTable {
  private readonly stamp = new Uint32Array(1 << TABLE_BITS);
  private generation = 0;
  private marked: string | null = null;

  mark(text: string): void {
    if (text === this.marked) return;
    this.marked = text;
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    const g = this.generation;
    let a = -1;
    let b = -1;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      // Every run of white space reads as one space, as needles hold it: "be\n  approved" holds "be approved".
      // ASCII first, by hand: this runs for every character the stages probe.
      if (c < 128) {
        if (c >= 65 && c <= 90) c += 32;
        else if (c <= 13 && c >= 9) c = 32;
      } else c = isSpace(c) ? 32 : foldCode(c);
      if (c === 32 && b === 32) continue;
      if (a >= 0) this.stamp[hash3(a, b, c)] = g;
      a = b;
      b = c;
    }
  }

  /** May the marked text contain a needle with these keys? */
  has(keys: NeedleKeys): boolean {
    for (let i = 0; i < keys.length; i++) if (this.stamp[keys[i]] !== this.generation) return false;
    return true;
  }

  /** May the marked text match a pattern with this prefilter (a needle of every set; none required: yes)? */
  mayHold(prefilter: Prefilter | null): boolean {
    if (!prefilter) return true;
    for (const set of prefilter) if (!this.holdsOneOf(set)) return false;
    return true;
  }

  private holdsOneOf(groups: readonly NeedleGroup[]): boolean {
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i];
      if (this.stamp[group.shared] !== this.generation) continue;
      for (let j = 0; j < group.rests.length; j++) if (this.has(group.rests[j])) return true;
    }
    return false;
  }
}

const codeTrigrams = new TrigramTable();

/**
 * A prefilter for a regular expression written in code (the grammar's rules have their own): a function that
 * says whether a text may match, from the literals the pattern requires (prefilterOf), before the pattern is
 * run. Patterns asked of every sentence use it; it never says no to a text the pattern matches. (The model's
 * cues, thirty-odd patterns asked of each candidate in turn, mark their table once and test each prefilter on
 * it: per pattern, this measured 1–2% slower there.)
 */
export function mayMatchOf(re: RegExp): (text: string) => boolean {
  const prefilter = prefilterOf(re.source, re.flags);
  if (!prefilter) return () => true;
  return (text) => {
    codeTrigrams.mark(text);
    return codeTrigrams.mayHold(prefilter);
  };
}
