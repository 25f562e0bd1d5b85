/**
 * Grammar loading and compilation: JSON data in, a validated, ready-to-match grammar out.
 *
 * A grammar file is validated with zod (a bad field is an error naming its path), its rule ids are checked
 * for uniqueness, its patterns are compiled once, and the rules of the grammars it extends are added after
 * its own (so a family rule with the same kind is tried before the shared `_base` one).
 */
import { GrammarSchema, RuleKindSchema, type GrammarFile, type Rule, type RuleKind } from '../schema/grammar.js';
import { MinutesError } from '../errors.js';
import { prefilterOf, TrigramTable, type Prefilter } from './needles.js';
import { documentNumber } from '../text/memo.js';
import { mayStartWith, startGateOf, unionOfGates, type StartGate } from './start-gates.js';

/**
 * The most text a rule of each kind is run on. Labels and headings are short lines; sentence and paragraph
 * rules read sentences. A rule anchored at the end (`$`) does not apply to longer text (no label is that
 * long); any other rule sees the first `limit` characters. So even a pattern with polynomial backtracking
 * (recheck, `npm run redos`, lists them) costs at most a constant per unit, and the pipeline stays linear.
 */
export const LINE_LIMIT = 300;
export const SENTENCE_LIMIT = 2_000;
const LINE_KINDS = new Set<RuleKind>([
  'pageChrome', 'titleCue', 'meetingLine', 'meetingHeading', 'committeeLine', 'dateLine', 'itemHeading', 'pdfSuffix',
  'minutesStart', 'decisionStart', 'documentsLine', 'truncation', 'noise', 'sectionLabel', 'resolutionLabel',
  'recommendationLabel', 'actionLine',
]);
export const limitOf = (kind: RuleKind): number => (kind === 'detect' ? 20_000 : LINE_KINDS.has(kind) ? LINE_LIMIT : SENTENCE_LIMIT);
/** The text a rule of `kind` sees: its first `limitOf(kind)` characters. */
const boundedText = (kind: RuleKind, text: string): string => (text.length > limitOf(kind) ? text.slice(0, limitOf(kind)) : text);

export interface CompiledRule extends Rule {
  regex: RegExp;
  /** The pattern ends with `$`: it must see the whole text, so it does not apply to text over the limit. */
  anchoredEnd: boolean;
  /** The same pattern with the g flag, for scanning every match. */
  globalRegex: RegExp;
  /** The grammar the rule came from. */
  grammar: string;
  /** The literals one of which every match contains, as trigram keys (see needles.ts); null when none is required. */
  needleKeys: Prefilter | null;
  /** The characters a match can begin with, for a rule anchored at the start (see start-gates.ts); null when not gated. */
  startGate: StartGate | null;
}

export interface RuleMatch {
  rule: CompiledRule;
  match: RegExpExecArray;
  /** Named groups of the match (an empty object when none). Read-only: shared with the match. */
  groups: Readonly<Record<string, string | undefined>>;
}

/** Each rule kind's number, for the per-text answer arrays of Grammar.first. */
const KIND_NUMBER = Object.fromEntries(RuleKindSchema.options.map((kind, i) => [kind, i])) as Record<RuleKind, number>;
const KIND_COUNT = RuleKindSchema.options.length;

const NO_GROUPS: Readonly<Record<string, string | undefined>> = Object.freeze({});

// One table for every grammar: the same text is probed by several grammars in a row (detection) and the
// table depends on the text alone. Matching is synchronous, so no two texts are ever marked at once.
const sharedTrigrams = new TrigramTable();

type Answers = (RuleMatch | null | undefined)[];

/** The texts RecentAnswers holds before it starts again, and its slots (a power of two, twice as many). */
const RECENT_TEXTS = 2048;
const RECENT_SLOTS = 4096;
const RECENT_PROBES = 8;

/**
 * A text's hash from its length and at most its first 12 and last 8 characters. The Map this replaces hashed
 * every character of each fresh string it was asked about (most probed texts are fresh slices, asked about
 * again as other fresh slices): its lookups were about a third of what the rule probes cost. Texts alike at
 * both ends and of one length share a hash and are told apart by comparing them.
 */
function sampledHash(text: string): number {
  const n = text.length;
  let h = Math.imul(n, 0x9e3779b1);
  const head = n < 12 ? n : 12;
  for (let i = 0; i < head; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  for (let i = Math.max(head, n - 8); i < n; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * The per-text answer arrays of Grammar.first: an open-addressing table keyed by text (sampledHash, then
 * linear probing and string comparison). At most RECENT_TEXTS texts, so at least half the slots stay empty.
 * A text is looked for in at most RECENT_PROBES slots: texts that share a hash (a column of lines alike at
 * both ends) cost a few comparisons each, never a scan of the table; one that finds no free slot there is
 * answered without being held.
 */
class RecentAnswers {
  /** The document whose answers are held (see `startDocument`): a new one empties the table first. */
  private document = -1;
  private readonly texts: (string | undefined)[] = new Array<string | undefined>(RECENT_SLOTS);
  private readonly answers: (Answers | undefined)[] = new Array<Answers | undefined>(RECENT_SLOTS);
  /** The slots in use, so that clearing touches only them (and lets their texts go). */
  private readonly used = new Int32Array(RECENT_TEXTS);
  private size = 0;

  private clear(): void {
    for (let i = 0; i < this.size; i++) {
      this.texts[this.used[i]] = undefined;
      this.answers[this.used[i]] = undefined;
    }
    this.size = 0;
  }

  /** The answers array of `text` (by kind number), a new empty one when the text is not held. */
  answersFor(text: string): Answers {
    if (this.document !== documentNumber()) {
      this.clear();
      this.document = documentNumber();
    }
    if (this.size >= RECENT_TEXTS) this.clear();
    const mask = RECENT_SLOTS - 1;
    const start = sampledHash(text);
    for (let probe = 0; probe < RECENT_PROBES; probe++) {
      const slot = (start + probe) & mask;
      const held = this.texts[slot];
      if (held === undefined) {
        const answers: Answers = new Array<RuleMatch | null | undefined>(KIND_COUNT);
        this.texts[slot] = text;
        this.answers[slot] = answers;
        this.used[this.size++] = slot;
        return answers;
      }
      if (held === text) return this.answers[slot]!;
    }
    return new Array<RuleMatch | null | undefined>(KIND_COUNT);
  }
}

export class Grammar {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly rules: readonly CompiledRule[];
  private readonly byKind = new Map<RuleKind, CompiledRule[]>();
  /** When set, every match is counted by rule id (npm run eval's rule report). */
  hits: Map<string, number> | null = null;

  constructor(file: GrammarFile, rules: CompiledRule[]) {
    this.id = file.id;
    this.name = file.name;
    this.description = file.description;
    this.rules = rules;
    for (const rule of rules) {
      const list = this.byKind.get(rule.kind) ?? [];
      list.push(rule);
      this.byKind.set(rule.kind, list);
    }
  }

  rulesOf(kind: RuleKind): readonly CompiledRule[] {
    return this.byKind.get(kind) ?? [];
  }

  /** The rules that apply to text over the limit of their kind (those not anchored at the end; see LINE_LIMIT). */
  private readonly longTextRules = new Map<RuleKind, CompiledRule[]>();
  private rulesFor(kind: RuleKind, long: boolean): readonly CompiledRule[] {
    if (!long) return this.rulesOf(kind);
    let rules = this.longTextRules.get(kind);
    if (!rules) this.longTextRules.set(kind, (rules = this.rulesOf(kind).filter((rule) => !rule.anchoredEnd)));
    return rules;
  }

  /** Can `rule` match `text` at all? False when the text lacks every one of the rule's needles. */
  private mayMatch(rule: CompiledRule, text: string): boolean {
    // The first character first: it needs no marking of the text.
    if (rule.startGate && !mayStartWith(rule.startGate, text)) return false;
    if (!rule.needleKeys) return true;
    // The same text is usually probed with several kinds, and by several grammars, in a row: marked once.
    sharedTrigrams.mark(text);
    return sharedTrigrams.mayHold(rule.needleKeys);
  }

  /**
   * Answers of `first` for the texts probed lately in the current document, by text then kind: the stages
   * probe the same unit or sentence with the same kinds again (segmentation, the extractors, the model's
   * features), each time from a fresh string. Cleared when it grows (at most 2,048 texts of at most
   * SENTENCE_LIMIT characters) and when a new document starts (`startDocument`): answers carried from one
   * document to the next would make a benchmark that repeats its texts measure the memo, not the work.
   */
  private readonly recent = new RecentAnswers();

  /**
   * Per kind (by number), the characters a match of any of its rules can begin with: null when some rule is
   * not gated, undefined until worked out. Most line kinds are gated, and most texts asked about them start
   * with none of their characters: answered here without the memo's hashing of the text.
   */
  private readonly kindGates: (StartGate | null | undefined)[] = new Array(KIND_COUNT);
  private kindGate(k: number, kind: RuleKind): StartGate | null {
    let gate = this.kindGates[k];
    if (gate === undefined) {
      const rules = this.rulesOf(kind);
      gate = rules.length ? rules.reduce<StartGate | null>((union, rule) => unionOfGates(union, rule.startGate), rules[0].startGate) : null;
      this.kindGates[k] = gate;
    }
    return gate;
  }

  /** The first rule of `kind` (in grammar order) whose pattern matches `text`. */
  first(kind: RuleKind, text: string): RuleMatch | null {
    const k = KIND_NUMBER[kind];
    const gate = this.kindGate(k, kind);
    if (gate && !mayStartWith(gate, text)) return null;
    if (this.hits || text.length > SENTENCE_LIMIT) return this.firstUncached(kind, text);
    const answers = this.recent.answersFor(text);
    let found = answers[k];
    if (found === undefined) answers[k] = found = this.firstUncached(kind, text);
    return found;
  }

  private firstUncached(kind: RuleKind, text: string): RuleMatch | null {
    const bounded = boundedText(kind, text);
    for (const rule of this.rulesFor(kind, bounded.length < text.length)) {
      if (!this.mayMatch(rule, bounded)) continue;
      rule.regex.lastIndex = 0;
      const match = rule.regex.exec(bounded);
      if (match) return this.hit({ rule, match, groups: match.groups ?? NO_GROUPS });
    }
    return null;
  }

  private hit(found: RuleMatch): RuleMatch {
    if (this.hits) this.hits.set(found.rule.id, (this.hits.get(found.rule.id) ?? 0) + 1);
    return found;
  }

  /** The earliest match of any rule of `kind` in `text` (ties go to grammar order). */
  earliest(kind: RuleKind, text: string): RuleMatch | null {
    let best: RuleMatch | null = null;
    const bounded = boundedText(kind, text);
    for (const rule of this.rulesFor(kind, bounded.length < text.length)) {
      if (!this.mayMatch(rule, bounded)) continue;
      rule.regex.lastIndex = 0;
      const match = rule.regex.exec(bounded);
      if (match && (!best || match.index < best.match.index)) best = { rule, match, groups: match.groups ?? NO_GROUPS };
    }
    return best ? this.hit(best) : null;
  }

  /** Every match of every rule of `kind` in `text`, in text order. */
  all(kind: RuleKind, text: string): RuleMatch[] {
    const out: RuleMatch[] = [];
    const bounded = boundedText(kind, text);
    for (const rule of this.rulesFor(kind, bounded.length < text.length)) {
      if (!this.mayMatch(rule, bounded)) continue;
      // exec over the rule's own global pattern: matchAll would clone the pattern on every call.
      const re = rule.globalRegex;
      re.lastIndex = 0;
      for (let match = re.exec(bounded); match; match = re.exec(bounded)) {
        out.push(this.hit({ rule, match, groups: match.groups ?? NO_GROUPS }));
        if (match[0].length === 0) break;
      }
    }
    return out.sort((a, b) => a.match.index - b.match.index);
  }

  test(kind: RuleKind, text: string): boolean {
    return this.first(kind, text) !== null;
  }

  /** Does one rule match `text` (as given: no length limit), its prefilter tried first? */
  fires(rule: CompiledRule, text: string): boolean {
    if (!this.mayMatch(rule, text)) return false;
    rule.regex.lastIndex = 0;
    return rule.regex.test(text);
  }
}

/** Validates a grammar object (as parsed from JSON) and returns it typed, or throws E_GRAMMAR_INVALID. */
export function parseGrammarFile(value: unknown, where = 'grammar'): GrammarFile {
  const parsed = GrammarSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.length ? issue.path.join('.') : '(root)';
    throw new MinutesError('E_GRAMMAR_INVALID', `${where}: field "${path}" is invalid: ${issue.message}`, {
      path,
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const seen = new Set<string>();
  parsed.data.rules.forEach((rule, index) => {
    if (seen.has(rule.id)) {
      throw new MinutesError('E_GRAMMAR_INVALID', `${where}: field "rules.${index}.id" repeats the rule id "${rule.id}"`, {
        path: `rules.${index}.id`,
      });
    }
    seen.add(rule.id);
  });
  return parsed.data;
}

function compileRule(rule: Rule, grammarId: string, index: number): CompiledRule {
  try {
    // Every pattern runs in Unicode mode so that \p{…} classes work and surrogate pairs stay whole.
    const flags = [...new Set(rule.flags + 'u')].join('');
    return {
      ...rule,
      regex: new RegExp(rule.pattern, flags),
      globalRegex: new RegExp(rule.pattern, flags + 'g'),
      anchoredEnd: /(?<!\\)\$$/.test(rule.pattern),
      grammar: grammarId,
      needleKeys: prefilterOf(rule.pattern, flags),
      startGate: startGateOf(rule.pattern, flags),
    };
  } catch (error) {
    throw new MinutesError(
      'E_GRAMMAR_INVALID',
      `grammar "${grammarId}": field "rules.${index}.pattern" (rule ${rule.id}) is not a valid regular expression: ${(error as Error).message}`,
      { path: `rules.${index}.pattern` },
    );
  }
}

/**
 * Compiles a validated grammar file, resolving `extends` against `library` (built-in grammars by id).
 * The grammar's own rules come first, then those of each grammar it extends, depth first, each once.
 */
export function compileGrammar(file: GrammarFile, library: ReadonlyMap<string, GrammarFile>): Grammar {
  const rules: CompiledRule[] = [];
  const visited = new Set<string>();
  const visit = (g: GrammarFile, chain: string[]) => {
    if (visited.has(g.id)) return;
    visited.add(g.id);
    g.rules.forEach((rule, index) => rules.push(compileRule(rule, g.id, index)));
    for (const parentId of g.extends) {
      const parent = library.get(parentId);
      if (!parent) {
        throw new MinutesError('E_GRAMMAR_INVALID', `grammar "${g.id}": field "extends" names an unknown grammar "${parentId}"`, {
          path: 'extends',
        });
      }
      if (chain.includes(parentId)) {
        throw new MinutesError('E_GRAMMAR_INVALID', `grammar "${g.id}": field "extends" makes a cycle through "${parentId}"`, {
          path: 'extends',
        });
      }
      visit(parent, [...chain, parentId]);
    }
  };
  visit(file, [file.id]);
  return new Grammar(file, rules);
}
