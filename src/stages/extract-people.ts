/**
 * Stage 6b — witnesses and declarations of interest.
 *
 * Witnesses come from a "Witnesses:" list (or a bare "Name, Role" list in its place) and from sentences in
 * which someone presented, introduced, addressed or updated the meeting. The grammar's witness rules
 * capture the person as the group `who`; here it is split into name and role ("Mr Wilkin, Director of
 * Highways" → name "Wilkin", role "Director of Highways"). The Chair, attendance lists and people who
 * only submitted a report are not witnesses (GUIDE.md). An abbreviation ("The ADCSQ&I introduced …") is
 * expanded to the words it was defined by ("… improvement (ADCSQ&I)") when the minutes define it.
 *
 * Declarations: one per member, text from the declaring verb to the end of the sentence.
 */
import { lowercaseWords } from './group-units.js';
import type { Context, DraftSpan, PlacedUnit } from '../context.js';
import { tightSpan } from '../context.js';
import { splitSentences, type Sentence } from '../text/sentences.js';
import { splitWithOffsets } from '../text/strings.js';
import { honorificLength, isBody, isChair, isGeneric, isPersonName, isRole } from '../nlp/people.js';

interface Person {
  name: DraftSpan | null;
  role: DraftSpan | null;
}

const NAME_ROLE_MAX = 200;
const NAME_ROLE_LINE = /^(?<name>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*){0,3}),\s+(?<role>[A-Z].*?)\s*$/;

const sentencesOf = new WeakMap<PlacedUnit, Sentence[]>();

/**
 * Sentences of a unit with a leading "Note:" or "(Minute No. 43 – …) –" prefix skipped. Several stages read
 * the same unit's sentences: they are split once per unit and kept.
 */
export function unitSentences(ctx: Context, u: PlacedUnit): Sentence[] {
  let sentences = sentencesOf.get(u);
  if (!sentences) {
    sentences = splitUnit(u);
    sentencesOf.set(u, sentences);
  }
  return sentences;
}

function splitUnit(u: PlacedUnit): Sentence[] {
  return splitSentences(u.text, u.start).map((s) => {
    const prefix = /^(?:Note\s*:\s*|\([^)]{0,120}\)\s*[–—-]\s*)/.exec(s.text);
    return prefix ? { start: s.start + prefix[0].length, end: s.end, text: s.text.slice(prefix[0].length) } : s;
  });
}

export function extractPeople(ctx: Context): void {
  const abbreviations = collectAbbreviations(ctx.text);
  const seen = new Set<string>();
  const addWitness = (person: Person, u: PlacedUnit, basis: 'listed' | 'presented', rule: string, confidence: number) => {
    const nameText = person.name ? ctx.text.slice(person.name.start, person.name.end) : null;
    const roleText = person.role ? ctx.text.slice(person.role.start, person.role.end) : null;
    const key = (nameText ?? roleText ?? '').toLowerCase().replace(/\s+/g, ' ');
    if (!key || seen.has(key)) return;
    if (!nameText && roleText && (isChair(roleText) || isGeneric(roleText))) return;
    seen.add(key);
    const spans = [person.name, person.role].filter((s): s is DraftSpan => s !== null);
    const span = { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
    ctx.drafts.witnesses.push({ span, item: u.item, rule, confidence, basis, name: nameText, role: roleText, nameSpan: person.name, roleSpan: person.role });
  };

  for (const u of ctx.units) {
    if (u.role !== 'content' || u.part === 'preamble' || u.part === 'trailer') continue;
    if (u.section === 'attendance') continue;

    // A witness list, labelled or bare: "Clare Curran, Cabinet Member for Children and Families Wellbeing".
    // A list line is short; a long unit is never one (and the pattern is only run on short text).
    const line = u.text.length <= NAME_ROLE_MAX ? NAME_ROLE_LINE.exec(u.text.trim()) : null;
    // A role holds no figures: "Jane Davies, Clerk's March Salary, Chq No 1306 430.00" is a payment.
    if (line?.groups && lowercaseWords(u.text) <= 4 && !/[.;:]$/.test(u.text.trim()) && !/\d/.test(line.groups.role) && u.part === 'minutes' && (u.section === 'witnesses' || isRole(line.groups.role) || isBody(line.groups.role))) {
      const nameStart = u.start + u.text.indexOf(line.groups.name);
      const roleStart = u.start + u.text.indexOf(line.groups.role, line.groups.name.length);
      const name = nameSpan(ctx, { start: nameStart, end: nameStart + line.groups.name.length });
      addWitness({ name, role: tightSpan(ctx.text, roleStart, roleStart + line.groups.role.length) }, u, 'listed', 'extract/witness-list', 0.9);
      u.consumedBy = 'witnesses';
      continue;
    }
    if (u.section === 'witnesses' && u.part === 'minutes' && !/[.;:]$/.test(u.text.trim()) && u.text.length < 160) {
      const person = splitPerson(ctx, { start: u.start, end: u.end }, abbreviations);
      if (person) addWitness(person, u, 'listed', 'extract/witness-list', 0.8);
      u.consumedBy = 'witnesses';
      continue;
    }

    const sentences = unitSentences(ctx, u);
    for (const [k, sentence] of sentences.entries()) {
      // Declarations: one record per member ("Councillors Smith and Jones declared …" gives two).
      for (const hit of ctx.grammar.all('declaration', sentence.text)) {
        const list = hit.groups.member ?? '';
        const listOffset = sentence.start + hit.match.index + hit.match[0].indexOf(list);
        const verbOffset = sentence.start + hit.match.index + hit.match[0].indexOf(hit.groups.verb ?? '');
        const textSpan = tightSpan(ctx.text, verbOffset, sentence.end);
        const declared = ctx.text.slice(textSpan.start, textSpan.end);
        const kind = ctx.grammar.first('interestKind', declared);
        // What the member did may follow in the next sentence ("She would therefore leave the chamber …").
        const next = sentences[k + 1];
        const conduct = ctx.grammar.first('conduct', declared) ?? (next && /^(?:He|She|They|The\s+Member|Councillor)\b/.test(next.text) ? ctx.grammar.first('conduct', next.text) : null);
        for (const member of splitNameList(list)) {
          const memberOffset = listOffset + member.offset;
          const skip = honorificLength(member.text);
          const memberSpan = tightSpan(ctx.text, memberOffset + skip, memberOffset + member.text.length);
          const memberText = ctx.text.slice(memberSpan.start, memberSpan.end);
          if (!memberText || isGeneric(memberText) || isRole(memberText) || /^(?:No|There|It|The|This|That)\b/.test(memberText)) continue;
          ctx.drafts.declarations.push({
            span: textSpan,
            item: u.item,
            rule: hit.rule.id,
            confidence: 0.9,
            member: memberText,
            memberSpan,
            interest: kind?.groups.kind?.replace(/\s+/g, ' ').toLowerCase() ?? null,
            conduct: conduct?.groups.conduct?.replace(/\s+/g, ' ') ?? null,
          });
          u.consumedBy ??= 'declarations';
        }
      }
      if (u.part !== 'minutes') continue;
      const hit = ctx.grammar.first('witness', sentence.text);
      if (!hit || hit.groups.who === undefined) continue;
      const who = hit.groups.who;
      const whoStart = sentence.start + hit.match.index + hit.match[0].indexOf(who);
      // "The Monitoring Officer and the Head of Legal Services presented …": one witness each. A bare "and"
      // may join two roles of one person ("Chief Executive and Monitoring Officer"), so only split at
      // "and the" / "and <title or name>" when both sides name someone.
      const parts = splitWitnessList(who);
      const people = parts.map((p) => splitPerson(ctx, { start: whoStart + p.offset, end: whoStart + p.offset + p.text.length }, abbreviations));
      if (parts.length > 1 && people.every((p) => p !== null)) {
        for (const person of people) addWitness(person!, u, 'presented', hit.rule.id, 0.7);
        continue;
      }
      const person = splitPerson(ctx, { start: whoStart, end: whoStart + who.length }, abbreviations);
      if (person) addWitness(person, u, 'presented', hit.rule.id, 0.75);
    }
  }
}

/** A name span without its honorifics. */
function nameSpan(ctx: Context, span: DraftSpan): DraftSpan {
  const text = ctx.text.slice(span.start, span.end);
  return tightSpan(ctx.text, span.start + honorificLength(text), span.end);
}

/** Splits the words naming a person into name and role spans; null when they name nobody (the Chair, "Members"). */
function splitPerson(ctx: Context, span: DraftSpan, abbreviations: Map<string, DraftSpan>): Person | null {
  span = tightSpan(ctx.text, span.start, span.end);
  let text = ctx.text.slice(span.start, span.end).replace(/[,\s]+$/, '');
  span = { start: span.start, end: span.start + text.length };
  const article = /^(?:the|a|an)\s+/i.exec(text);
  if (article) {
    span = { start: span.start + article[0].length, end: span.end };
    text = text.slice(article[0].length);
  }
  if (!text || isGeneric(text) || isChair(text)) return null;
  const at = (offset: number, length: number) => tightSpan(ctx.text, span.start + offset, span.start + offset + length);

  // "Mark Antrobus on behalf of the Anti-Social Behaviour team", "John Ray from the Environment Agency".
  const via = /^(.+?)\s+(?:on\s+behalf\s+of|from|of)\s+(?:the\s+)?(.+)$/.exec(text);
  if (via && isPersonName(via[1])) {
    return { name: nameSpan(ctx, at(0, via[1].length)), role: at(text.length - via[2].length, via[2].length) };
  }
  // "Mr S Walton (objector)"
  const paren = /^(.+?)\s*\(([^)]+)\)$/.exec(text);
  if (paren && isPersonName(paren[1])) {
    return { name: nameSpan(ctx, at(0, paren[1].length)), role: at(text.indexOf('(') + 1, paren[2].length) };
  }
  // "Mr Wilkin, Director of Highways, Transportation & Waste"
  const comma = text.indexOf(', ');
  if (comma > 0 && isPersonName(text.slice(0, comma))) {
    const role = text.slice(comma + 2).replace(/,\s*$/, '');
    return { name: nameSpan(ctx, at(0, comma)), role: role ? at(comma + 2, role.length) : null };
  }
  // "The ADCSQ&I" — an abbreviation the minutes defined earlier.
  if (/^[A-Z][A-Z&]{2,}$/.test(text) && abbreviations.has(text)) return { name: null, role: abbreviations.get(text)! };
  if (isRole(text) || isBody(text) || /^[A-Z]{2,}\b/.test(text)) return { name: null, role: span };
  if (isPersonName(text)) return { name: nameSpan(ctx, span), role: null };
  return null;
}

/** "assistant director children's safeguarding quality and improvement (ADCSQ&I)" → ADCSQ&I ↦ its words. */
function collectAbbreviations(text: string): Map<string, DraftSpan> {
  const found = new Map<string, DraftSpan>();
  for (const m of text.matchAll(/\(([A-Z][A-Z&]{1,9})\)/g)) {
    const abbreviation = m[1];
    const letters = abbreviation.toLowerCase().split('');
    // Walk back word by word, matching initials from the last letter ("&" ↔ "and").
    let end = m.index;
    while (end > 0 && text[end - 1] === ' ') end--;
    let cursor = end;
    let k = letters.length - 1;
    while (k >= 0 && cursor > 0) {
      let wordStart = cursor;
      while (wordStart > 0 && !/\s/.test(text[wordStart - 1])) wordStart--;
      const word = text.slice(wordStart, cursor).toLowerCase();
      const initial = word === 'and' ? '&' : word[0];
      if (initial === letters[k]) k--;
      else if (!['of', 'for', 'the'].includes(word)) break;
      cursor = wordStart;
      while (cursor > 0 && text[cursor - 1] === ' ') cursor--;
    }
    if (k < 0 && !found.has(abbreviation)) {
      let start = cursor;
      while (start < end && text[start] === ' ') start++;
      found.set(abbreviation, { start, end });
    }
  }
  return found;
}

/** "Councillors Smith, Jones and Mrs Patel" → each name with its offset in the list; "Councillors" carries over. */
export function splitNameList(list: string): { text: string; offset: number }[] {
  return splitWithOffsets(list, /,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|;\s*/g).filter((p) => p.text.trim().length > 0);
}

/** "X and the Y", "X, Y and Z" where each part starts like a person or role; otherwise the whole. */
function splitWitnessList(who: string): { text: string; offset: number }[] {
  return splitWithOffsets(who, /\s+and\s+(?=(?:the\s+|Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Professor)\b)|,\s+(?=(?:the\s+|Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\b)/g);
}
