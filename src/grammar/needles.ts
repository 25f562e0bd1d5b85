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

/** Shorter needles filter too little to pay for the search. */
const MIN_NEEDLE = 3;

type Needles = string[] | null;

const parser = new RegExpParser({ ecmaVersion: 2025 });

/** The trigram keys of one needle (see TrigramTable). */
export type NeedleKeys = readonly [number, number];
/**
 * A prefilter: sets of needles, each set as its needles' trigram keys. The text must hold a needle of every
 * set: "\b(?:Committee|Council|Board)\s+(?:agreed|approved)\b" needs one of the bodies *and* one of the verbs,
 * a far sharper test than either list alone.
 */
export type Prefilter = readonly (readonly NeedleKeys[])[];

/** At most this many sets are tested: the strongest few reject nearly every text that can be rejected. */
const MAX_SETS = 3;

/** The prefilter of a pattern as trigram keys, or null when no literal is required (the pattern always runs). */
export function prefilterOf(pattern: string, flags: string): Prefilter | null {
  const sets = needleSetsOf(pattern, flags);
  return sets ? sets.map((set) => set.map(needleKeys)) : null;
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
 * Every element of a sequence must match: each element's needles are a set the text must hold one of, and
 * runs of plain characters form one literal.
 */
function choicesOf(elements: readonly AST.Element[]): string[][] {
  const choices: string[][] = [];
  let run = '';
  const endRun = () => {
    if (run) choices.push([run]);
    run = '';
  };
  for (const element of elements) {
    const char = literalChar(element);
    if (char !== null) {
      run += char;
      continue;
    }
    // Zero-width assertions (\b, ^, $, lookarounds) match no text: they end a run but require nothing.
    endRun();
    if (element.type === 'Assertion') continue;
    const found = ofElement(element);
    if (found?.length) choices.push(found);
  }
  endRun();
  return choices;
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

/** A character that matches only itself (case aside), lower-cased; null for classes, sets and the rest. */
function literalChar(element: AST.Element): string | null {
  if (element.type !== 'Character') return null;
  const char = String.fromCodePoint(element.value);
  // Only letters, digits and plain punctuation: characters whose case folding is simple.
  return /^[A-Za-z0-9 ,.:;'’&()/-]$/.test(char) ? char.toLowerCase() : null;
}

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
 * A needle as the trigrams it must find: its first and last three characters, hashed. A text that lacks
 * either cannot contain the needle (a hash collision can only let a text through, never stop one).
 */
export function needleKeys(needle: string): [number, number] {
  const code = (i: number) => foldCode(needle.charCodeAt(i));
  const n = needle.length;
  return [hash3(code(0), code(1), code(2)), hash3(code(n - 3), code(n - 2), code(n - 1))];
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
      const c = foldCode(text.charCodeAt(i));
      if (a >= 0) this.stamp[hash3(a, b, c)] = g;
      a = b;
      b = c;
    }
  }

  /** May the marked text contain a needle with these keys? */
  has(keys: readonly [number, number]): boolean {
    return this.stamp[keys[0]] === this.generation && this.stamp[keys[1]] === this.generation;
  }

  /** May the marked text match a pattern with this prefilter (a needle of every set; none required: yes)? */
  mayHold(prefilter: Prefilter | null): boolean {
    if (!prefilter) return true;
    for (const set of prefilter) if (!this.holdsOneOf(set)) return false;
    return true;
  }

  private holdsOneOf(set: readonly NeedleKeys[]): boolean {
    for (const keys of set) if (this.has(keys)) return true;
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
