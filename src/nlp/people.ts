/**
 * People and roles in short spans. The roles gazetteer (grammars/roles.json) decides whether a noun
 * phrase is an officer role, a body, or a chair; compromise is asked only whether a short span that is
 * neither is a person's name — never a whole document, because it is the slowest thing we run.
 */
import nlpModule from 'compromise';
import { roles } from '../grammar/builtin.js';
import { unwrapDefault } from '../interop.js';
import { memoise } from '../text/memo.js';

// compromise ships ESM and CJS; under the CJS build it may arrive as a namespace object.
const nlp = unwrapDefault<typeof nlpModule>(nlpModule);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (list: readonly string[]) => list.map(escape).sort((a, b) => b.length - a.length).join('|');

const ROLE_HEAD = new RegExp(`\\b(?:${words(roles.roleHeads)})\\b`, 'i');
const ROLE_HEAD_CASED = new RegExp(`\\b(?:${words(roles.roleHeads.filter((r) => /^[A-Z]/.test(r)))})\\b`);
const BODY = new RegExp(`\\b(?:${words(roles.bodies)})\\b`);
const CHAIR = new RegExp(`^(?:the\\s+)?(?:${words(roles.chairs)})$`, 'i');
const HONORIFIC = new RegExp(`^(?:(?:${words(roles.honorifics)})\\.?\\s+)+`, 'i');
const GENERIC = /^(?:the\s+)?(?:Members?|Officers?|Councillors|Cllrs|It|He|She|They|We|Committee|Board|Panel|Sub-Committee|Cabinet|Council|Forum|Chair|Officer)$/i;

/** Drops "Councillor", "Cllr", "Mr" … from the front of a name. */
export function stripHonorifics(name: string): string {
  return name.replace(HONORIFIC, '').trim();
}

export function honorificLength(name: string): number {
  const m = HONORIFIC.exec(name);
  return m ? m[0].length : 0;
}

export function isRole(phrase: string): boolean {
  return ROLE_HEAD_CASED.test(phrase) || (/^[a-z]/.test(phrase) && ROLE_HEAD.test(phrase) && phrase.split(/\s+/).length <= 3) || /\b(?:director|officer|manager|head of)\b/i.test(phrase);
}

export function isBody(phrase: string): boolean {
  return BODY.test(phrase);
}

export function isChair(phrase: string): boolean {
  return CHAIR.test(phrase.trim());
}

/** "Members", "the Committee", "He": words that name nobody in particular. */
export function isGeneric(phrase: string): boolean {
  return GENERIC.test(phrase.trim());
}

/** An agent who can own an action: a role, or a named body ("Social Care Services Board"). */
export function isAgent(phrase: string): boolean {
  const p = phrase.replace(/^the\s+/i, '').trim();
  if (!p || isGeneric(p) || /^(?:Members|Officers|Councillors)\b/.test(p)) return false;
  return isRole(p) || (isBody(p) && /^[A-Z]/.test(p));
}

/**
 * Does the span look like a person's name? Honorifics and initials decide first; compromise decides the rest,
 * and any two capitalised words pass too unless `strict` (where a role may go on: "Director of Workforce and
 * Strategic Change").
 */
export function isPersonName(phrase: string, strict = false): boolean {
  const p = phrase.trim();
  if (!p || p.length > 60 || /[,;:()]/.test(p)) return false;
  if (HONORIFIC.test(p)) return true;
  if (isRole(p) || isBody(p)) return false;
  const tokens = p.split(/\s+/);
  if (tokens.length < 1 || tokens.length > 4 || !tokens.every((t) => /^[A-Z][\w'’.-]*$/.test(t))) return false;
  if (tokens.length >= 2 && tokens.slice(0, -1).every((t) => /^[A-Z]\.?$/.test(t))) return true; // "S Walton", "J. W. Thomas"
  // Two capitalised words pass anyway unless strict: compromise (about 0.1 ms a phrase) is asked only when its answer counts.
  return (!strict && tokens.length === 2) || askCompromise(p);
}

// compromise is the slowest thing we run, and minutes name the same people again and again: its answers are kept.
const askCompromise = memoise((phrase: string): boolean => nlp(phrase).people().found as boolean, 20_000);
