/**
 * Start gates: for a rule anchored at the start of the text (every alternative of its pattern opens with `^`,
 * and no `m` flag lets `^` match after a line break), the characters a match can begin with. A text whose
 * first character is not one of them cannot match, so neither the rule's prefilter (which marks the text's
 * trigrams) nor its regular expression need run — and when every rule of a kind is gated, the kind's answer
 * for such a text is known before the grammar's memo is consulted. Most line kinds are asked of every line
 * and unit ("Minutes:", "RESOLVED", "Present:" …) and most lines start with none of their first letters.
 *
 * Worked out once per rule, when a grammar is compiled, from the pattern's syntax tree (regexpp, as the
 * literal prefilters in needles.ts). Only ASCII is gated: a text starting with any other character passes,
 * so case folding beyond ASCII (the long s, the Kelvin sign under /iu) never wrongly stops a text. The gate
 * is a necessary condition only; the test suite checks it never stops a text its rule matches.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** For each ASCII code, 1 when a match may begin with that character. */
export type StartGate = Uint8Array;

const ASCII = 128;
const parser = new RegExpParser({ ecmaVersion: 2025 });

/** The characters a sequence, group or element can begin with (null: any), and whether it can match nothing. */
interface Start {
  chars: StartGate | null;
  nullable: boolean;
}

/** The start gate of a pattern, or null when it is not anchored at the start or can begin with anything. */
export function startGateOf(pattern: string, flags: string): StartGate | null {
  // `m` lets ^ match after any line break; `v` classes can match several characters as one.
  if (flags.includes('m') || flags.includes('v')) return null;
  let ast: AST.Pattern;
  try {
    ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: flags.includes('u') });
  } catch {
    return null;
  }
  const anchored = ast.alternatives.every((alternative) => {
    const opening = alternative.elements[0];
    return opening?.type === 'Assertion' && opening.kind === 'start';
  });
  if (!anchored) return null;
  const start = ofAlternatives(ast.alternatives, flags);
  // A pattern that can match the empty text has no first character to test.
  return start.nullable ? null : start.chars;
}

/** May a text that starts like `text` match a rule with this gate? (An empty text cannot: the gated pattern needs a character.) */
export function mayStartWith(gate: StartGate, text: string): boolean {
  if (text.length === 0) return false;
  const c = text.charCodeAt(0);
  return c >= ASCII || gate[c] === 1;
}

/** The union of two gates (null, any character, absorbs). */
export function unionOfGates(a: StartGate | null, b: StartGate | null): StartGate | null {
  if (!a || !b) return null;
  const out = new Uint8Array(ASCII);
  for (let c = 0; c < ASCII; c++) out[c] = a[c] | b[c];
  return out;
}

const none = (): StartGate => new Uint8Array(ASCII);

function ofAlternatives(alternatives: readonly AST.Alternative[], flags: string): Start {
  let chars: StartGate | null = none();
  let nullable = false;
  for (const alternative of alternatives) {
    const start = ofSequence(alternative.elements, flags);
    chars = unionOfGates(chars, start.chars);
    nullable ||= start.nullable;
  }
  return { chars, nullable };
}

/** A sequence begins with its first element's characters, and the next element's while those can match nothing. */
function ofSequence(elements: readonly AST.Element[], flags: string): Start {
  let chars: StartGate | null = none();
  for (const element of elements) {
    const start = ofElement(element, flags);
    chars = unionOfGates(chars, start.chars);
    if (!start.nullable || !chars) return { chars, nullable: false };
  }
  return { chars, nullable: true };
}

function ofElement(element: AST.Element, flags: string): Start {
  switch (element.type) {
    // Zero-width: ^, $, \b and lookarounds match no character (a lookaround's own condition is left out, which
    // only lets more through).
    case 'Assertion':
      return { chars: none(), nullable: true };
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass':
      return { chars: asciiMatchedBy(element.raw, flags), nullable: false };
    case 'Group':
    case 'CapturingGroup':
      return ofAlternatives(element.alternatives, flags);
    case 'Quantifier': {
      const inner = ofElement(element.element, flags);
      return { chars: inner.chars, nullable: inner.nullable || element.min === 0 };
    }
    // A backreference repeats what a group matched: anything.
    default:
      return { chars: null, nullable: true };
  }
}

/** Which ASCII characters one character-matching element accepts, tested with the pattern's own flags (case folding included). */
function asciiMatchedBy(raw: string, flags: string): StartGate {
  const single = new RegExp(`^(?:${raw})$`, flags.replace(/[gy]/g, ''));
  const chars = none();
  for (let c = 0; c < ASCII; c++) chars[c] = single.test(String.fromCharCode(c)) ? 1 : 0;
  return chars;
}
