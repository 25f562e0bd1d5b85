/**
 * Candidate proposals for the learned stage: witnesses, declarations and actions the grammar's rules did not
 * draft, read from sentences with the genre's broad cues. They are generous on purpose — a proposal is
 * only a candidate, and the model (which sees the rules that fired, the layout and the words) decides
 * whether it becomes a record. Without a model they are never output.
 *
 * Each proposal carries the fields a record needs, cut from the sentence by shape, not by wording:
 *  - declarations: the members named before a declaring verb ("Councillors A, B and C declared …"), or
 *    a "Name: interest" / "Name – item" row in a declarations section; text from the verb (or row) on;
 *  - witnesses: the subject of a presenting verb ("X introduced the report", "X, Role, gave an update",
 *    "The Role (Name) addressed the Panel", "X was invited to present");
 *  - actions: sentences that ask or commit ("Clerk to …", "X will …", "was asked to …", "requested that …",
 *    "be circulated"), and every decision draft that no rule read as an action; owners from the subject.
 */
import type { Context, DraftOwner, DraftSpan, Drafts, PlacedUnit } from '../context.js';
import { tightSpan, unitAt } from '../context.js';
import { unitSentences } from './extract-people.js';
import { actionSpan, makeOwner, onlyApproves, ownersIn } from './extract-actions.js';
import { honorificLength, isBody, isChair, isGeneric, isPersonName, isRole } from '../nlp/people.js';
import { mayMatchOf } from '../grammar/needles.js';

type Witness = Drafts['witnesses'][number];
type Declaration = Drafts['declarations'][number];
type Action = Drafts['actions'][number];

const HONORIFIC_WORDS = /^(?:(?:Councillors?|Cllrs?\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Alderman|Aldermen|Professor|Prof\.?|Sir|Dame|Lord|Lady|Rev(?:d)?\.?|County|District|Parish|Town|Borough)\s+)+/i;
const DECLARE_VERB = /\b(?:declared|declares|declare|declaring)\b/i;
const PRESENT_VERB =
  /\s(?:introduced|presented|outlined|gave|provided|updated|addressed|informed|briefed|spoke|talked|shared|described|led\s+(?:a|the)\s+(?:presentation|discussion|session)|(?:responded|replied)\s+to\s+(?:Members|Councillors|questions|queries|the\s+questions|the\s+queries|comments)|answered\s+(?:Members|Councillors|questions|queries|the\s+questions)|took\s+(?:the\s+)?(?:Members?|Councillors|Committee|Board|Panel|the meeting)\s+through|was\s+invited\s+to\s+(?:present|address|introduce|speak|update)|were\s+invited\s+to\s+(?:present|address|introduce|speak|update)|reported|delivered|explained|summarised|summarized|attended\s+(?:the\s+meeting\s+)?to\s+(?:present|give|provide|update|speak)|(?:was|were)\s+(?:in\s+attendance|present)\s+for\s+(?:this|the|that)\s+item)\b/;
const ACTION_CUE =
  /(?:^|\s)(?:to|will|would|shall|should|agreed\s+to)\s+(?:write|send|circulate|re-circulate|contact|obtain|arrange|report|provide|investigate|chase|ask|seek|review|prepare|update|inform|check|liaise|order|draft|distribute|remind|look|bring|share|confirm|follow|forward|organise|organize|progress|pursue|e-?mail|speak|meet|produce|publish|submit|source|monitor|explore|raise|request|invite|book|purchase|notify|discuss|investigate|consider|circulate|action|respond|reply|obtain|get|put|add|include|ensure|make|set\s+up|take)\b|\b(?:requested|requests|asked|urged|instructed|authorised|authorized|delegated|reminded)\s+(?:that|to|the|officers|[A-Z])|\bACTION\b/;
// Asked of every sentence of the debate: each pattern's required literals are looked for first.
const mayPresent = mayMatchOf(PRESENT_VERB);
const mayAsk = mayMatchOf(ACTION_CUE);
// A decision in the passive asks for something too ("that the report be presented to Council"); in the
// debate, a passive with nobody named is not an action (GUIDE.md: "would be provided"), so it proposes none.
const PASSIVE_ASK = /\bbe\s+(?:re-?circulated|circulated|sent|forwarded|presented|reported|scheduled|held|invited|provided|brought|submitted|added|included|written|checked|amended|arranged|obtained|investigated|contacted|shared|published|sought)\b/;

/** The presenting verb a sentence uses ("presented", "led", "responded"), for the model to weigh each. */
export function presentingVerb(text: string): string {
  const head = text.slice(0, 400);
  const m = PRESENT_VERB.exec(head) ?? PRESENTED_BY.exec(head);
  return m ? m[0].trim().split(/\s+/)[0].toLowerCase() : 'none';
}

/** The longest subject read before a verb: names and roles are short, and it bounds every pattern on it. */
const SUBJECT_MAX = 200;

const spansMeet = (a: DraftSpan, b: DraftSpan) => a.start < b.end && b.start < a.end;
const overlaps = (a: DraftSpan, list: readonly { span: DraftSpan }[]) => list.some((b) => spansMeet(a, b.span));

/** Content units of the minutes (and decision pages) that hold prose (and, when asked, headings). */
function proseUnits(ctx: Context, headings = false): PlacedUnit[] {
  return ctx.units.filter((u) => (u.role === 'content' || (headings && u.role === 'heading')) && (u.part === 'minutes' || u.part === 'decision') && u.text.trim().length > 8);
}

/** Splits "Councillors A, B and C" into the names, with offsets; honorifics dropped. */
function namesIn(ctx: Context, start: number, end: number): DraftSpan[] {
  const out: DraftSpan[] = [];
  // A description after a dash runs to the next comma, "and" included: "Alderman Hussey - RAPID and Derg
  // Local Growth Partnership, …" names one person. Blanked out (same length) so offsets stay true.
  const text = ctx.text.slice(start, end).replace(/\s[-–—]\s[^,]*/g, (d) => ' '.repeat(d.length));
  const re = /[^,&]+?(?=\s*(?:,|&|\band\b|$))/g;
  for (const m of text.matchAll(re)) {
    // "and Cllr Lee": the joining word goes; "Alderman Guy - Waterside Partnership", "Cllr Lee (Ward Member)":
    // the name ends at a dash or a bracket.
    const lead = /^\s*(?:and\s+)?/i.exec(m[0])![0].length;
    let part = m[0].slice(lead).replace(/\s+[-–—]\s.*$|\s*\(.*$/, '');
    let at = start + m.index + lead;
    const hon = HONORIFIC_WORDS.exec(part);
    if (hon) {
      at += hon[0].length;
      part = part.slice(hon[0].length);
    }
    const span = tightSpan(ctx.text, at, at + part.length);
    const name = ctx.text.slice(span.start, span.end);
    if (!name || name.length > 60 || !/^[A-Z]/.test(name) || name.split(/\s+/).length > 5) continue;
    if (/^(?:The|There|No|None|All|Members?|It|He|She|They)\b/.test(name) && !isChair(name)) continue;
    out.push(span);
  }
  return out;
}

/** Words of a line about declaring interests ("Declarations of interest", "The following members declared"). */
export const DECLARING_WORDS = /\bdeclar|\binterests?\b/i;

export function proposeDeclarations(ctx: Context): Declaration[] {
  const out: Declaration[] = [];
  const push = (span: DraftSpan, member: DraftSpan, item: string | null, rule: string) =>
    out.push({ span, memberSpan: member, member: ctx.text.slice(member.start, member.end), interest: null, conduct: null, item, rule, confidence: 0.5 });
  // Short rows ("Hugh Henry: member of the Committee of the Regions") often read as headings: they count too.
  const units = proseUnits(ctx, true);
  // A unit right after a lead-in about declarations ("The following members made declarations") may be a row.
  let context = false;
  // Units whose names a "The following Members declared …" lead-in has already read.
  const listed = new Set<number>();
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    if (listed.has(k)) continue;
    const inContext = context || u.section === 'declarations';
    context = false;
    for (const s of unitSentences(ctx, u)) {
      const span = tightSpan(ctx.text, s.start, s.end);
      if (overlaps(span, ctx.drafts.declarations) || overlaps(span, out)) {
        context = true;
        continue;
      }
      const verb = DECLARE_VERB.exec(s.text);
      // "declared an interest", "declared a conflict": not "declared the meeting open" or "declared his acceptance of office".
      if (verb && /\binterest|\bconflict|\bpecuniary|\bprejudicial|\bdisclos|\bdeclarations?\b/i.test(s.text)) {
        context = true;
        // The members are the subject: the words before the verb (an auxiliary "had" / "has" dropped), read
        // only when the verb comes within SUBJECT_MAX characters, so every pattern below sees a short text.
        if (verb.index > SUBJECT_MAX) continue;
        const subject = s.text.slice(0, verb.index).replace(/\s+(?:had|has|have|both|each|all|also)\s*$/i, '');
        const verbSpan = tightSpan(ctx.text, s.start + verb.index, s.end);
        if (/\b(?:following|these|below)\b/i.test(subject)) {
          // "The following Members declared an interest in …" + the names in the next unit(s).
          for (let j = k + 1; j < units.length && j <= k + 3; j++) {
            const names = namesIn(ctx, units[j].start, units[j].end);
            if (!names.length || units[j].text.length > 300) break;
            for (const member of names) push(verbSpan, member, u.item, 'propose/following-members');
            listed.add(j);
          }
        } else if (subject.length > 0) {
          for (const member of namesIn(ctx, s.start, s.start + subject.length)) push(verbSpan, member, u.item, 'propose/declaring-verb');
        }
        continue;
      }
      if (DECLARING_WORDS.test(s.text)) context = true;
      // A row of a declarations list: "Name: interest", "Name – item 5 – personal", "Name with regard to …".
      if (inContext || /\binterest/i.test(s.text)) {
        const row = /^((?:(?:Councillors?|Cllr\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*(?::|–|—|-\s|\s(?=with regard to|in respect of|regarding))/.exec(s.text);
        if (row && isPersonName(row[1])) {
          const skip = honorificLength(row[1]);
          push(span, tightSpan(ctx.text, s.start + skip, s.start + row[1].length), u.item, 'propose/declaration-row');
          context = true;
        }
        // The row the other way round: "Agenda Item 10, E/38405 – County Cllr. J. Davies and Cllr. P. Harries":
        // what the interest is in, then only the members who declared it (honorific-led names).
        const namesLast = row ? null : ITEM_THEN_MEMBERS.exec(s.text.slice(0, SUBJECT_MAX * 2));
        if (namesLast && !/\s[a-z]/.test(namesLast[2].replace(/\s(?:and|&)\s/g, ' '))) {
          const at = s.start + namesLast.index + namesLast[0].length - namesLast[2].length;
          const what = tightSpan(ctx.text, s.start, s.start + namesLast[1].length);
          for (const member of namesIn(ctx, at, s.end)) push(what, member, u.item, 'propose/item-then-members');
          context = true;
        }
        const from = /\binterest\b[^.]{0,80}?\b(?:from|by)\s+((?:(?:Councillors?|Cllr\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+)+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})/.exec(s.text);
        if (from) {
          const at = s.start + from.index + from[0].length - from[1].length;
          const skip = honorificLength(from[1]);
          push(span, tightSpan(ctx.text, at + skip, at + from[1].length), u.item, 'propose/interest-from');
        }
      }
    }
  }
  return out;
}

// "<what> – <members>": a row's members stand last, after a spaced dash, each led by an honorific.
const ITEM_THEN_MEMBERS = /^(\S.{1,200}?\S)\s{1,3}[-–—]\s{1,3}((?:(?:County|District|Parish|Town)\s+)?(?:Councillors?|Cllrs?\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Alderman)\s+[A-Z].{0,160}?)\.?$/;

/** Splits a subject phrase into a name and a role: "X, Role", "Role (Name)", "Name (Role)", a name, or a role. */
function person(ctx: Context, start: number, end: number): { name: DraftSpan | null; role: DraftSpan | null } | null {
  let span = tightSpan(ctx.text, start, end);
  let text = ctx.text.slice(span.start, span.end).replace(/[,;]$/, '');
  span = { start: span.start, end: span.start + text.length };
  const lead = /^(?:the|The)\s+/.exec(text);
  if (lead) {
    span = { start: span.start + lead[0].length, end: span.end };
    text = text.slice(lead[0].length);
  }
  if (!text || text.length > 160 || !/^[A-Z]/.test(text)) return null;
  const at = (s: string, from = 0) => {
    const i = text.indexOf(s, from);
    const inner = tightSpan(ctx.text, span.start + i, span.start + i + s.length);
    const hon = honorificLength(ctx.text.slice(inner.start, inner.end));
    return { start: inner.start + hon, end: inner.end };
  };
  const bracket = /^([^()]+?)\s*\(([^()]+)\)$/.exec(text);
  if (bracket) {
    const [, outside, inside] = bracket;
    if (isPersonName(inside) && !isPersonName(outside)) return { name: at(inside, outside.length), role: at(outside) };
    return { name: isPersonName(outside) ? at(outside) : null, role: at(inside, outside.length) };
  }
  const comma = /^([^,]+),\s*(.+)$/.exec(text);
  if (comma) {
    const [, first, rest] = comma;
    if (isPersonName(first)) return { name: at(first), role: at(rest, first.length) };
    if (isPersonName(rest)) return { name: at(rest, first.length), role: at(first) };
    return null;
  }
  if (text.split(/\s+/).length > 10) return null;
  if (isGeneric(text) || isChair(text) || /^(?:He|She|They|It|Members|Officers|Councillors|Committee|Members of)\b/.test(text)) return null;
  // "County Councillor Mr Bryan Owen": a councillor of another tier is there in that role (GUIDE.md keeps it).
  const tier = /^(?:County|District|Parish|Town|Borough|City|Ward)\s+Councill?or\b/.exec(text);
  if (tier && isPersonName(text)) return { name: at(text), role: at(tier[0]) };
  if (isPersonName(text) && !isRole(text)) return { name: at(text), role: null };
  // A role alone must say so (a role word or a body's name), not be any capitalised phrase.
  if ((isRole(text) || isBody(text)) && text.split(/\s+/).length >= 2 || /^(?:Clerk|Chair(?:man)?|Treasurer|Mayor|Leader)$/.test(text)) return { name: null, role: at(text) };
  return null;
}

const PRESENTER_GAP = /^[\s,]*(?:(?:also|then|briefly|subsequently|duly|formally)\s+|attended\s+(?:the\s+meeting\s+)?and\s+)?$/;
const CONNECTOR = /^(?:of|for|and|the|&|de|van|von|on|to|at|in|from|current|former|new|interim|acting|deputy|assistant|senior|principal|joint|vice)$/;

/**
 * The agent a sentence opens with: capitalised words and the small words that join them ("Director of
 * Finance and Resources"), commas and brackets included ("Mr S Walton (objector)", "Bob Lloyd Smith,
 * Healthwatch Gloucestershire,"), up to the first lower-case word that is not a connector — the verb.
 */
function leadingAgent(text: string): number {
  let depth = 0;
  let end = 0;
  for (const m of text.slice(0, 220).matchAll(/\(|\)|[^\s()]+/g)) {
    const token = m[0];
    if (token === '(') depth++;
    else if (token === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const word = token.replace(/[,;:]+$/, '');
      if (!/^[A-Z0-9'’"“]/.test(word) && !CONNECTOR.test(word)) break;
      if (/[;:]$/.test(token)) {
        end = m.index + token.length - 1;
        break;
      }
    }
    end = m.index + token.length;
  }
  return end;
}

// "The Chair welcomed Nick Selwyn and Charles Rigby from Audit Wales": guests from another body, welcomed by
// name, are usually there to present (the model weighs it).
const WELCOMED_FROM = /\bwelcomed\s+(?<names>(?:(?:Mr|Mrs|Ms|Dr|Cllr|Councillor)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}(?:(?:,\s+|\s+and\s+)(?:(?:Mr|Mrs|Ms|Dr|Cllr|Councillor)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}){0,3})\s+(?:from|of)\s+(?:the\s+)?(?<body>[A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’-]*|of|and|&|for|the)){0,6})/;

function welcomedGuests(ctx: Context, s: { start: number; text: string }, item: string | null, out: Witness[]): void {
  const m = WELCOMED_FROM.exec(s.text.slice(0, SUBJECT_MAX * 2));
  if (!m?.groups) return;
  const span = tightSpan(ctx.text, s.start, s.start + s.text.length);
  const bodyAt = s.start + m.index + m[0].length - m.groups.body.length;
  const role = tightSpan(ctx.text, bodyAt, bodyAt + m.groups.body.length);
  const namesAt = s.start + m.index + m[0].indexOf(m.groups.names);
  for (const name of namesIn(ctx, namesAt, namesAt + m.groups.names.length)) {
    out.push({ span, item, rule: 'propose/welcomed-from', confidence: 0.5, name: null, role: null, nameSpan: name, roleSpan: role, basis: 'presented' });
  }
}

// The passive: "Presented by the Housing Portfolio Holder", "The report was introduced by Mr X, Head of Y".
const PRESENTED_BY = /\b(?:[Pp]resented|[Ii]ntroduced)\s+by\s+(?=[A-Z]|the\s+[A-Z])/;

function presentedBy(ctx: Context, s: { start: number; text: string }, item: string | null, out: Witness[]): void {
  const m = PRESENTED_BY.exec(s.text.slice(0, SUBJECT_MAX));
  if (!m) return;
  const from = m.index + m[0].length;
  const end = from + leadingAgent(s.text.slice(from).replace(/^the\s/, 'The '));
  const who = end > from ? person(ctx, s.start + from, s.start + end) : null;
  if (!who) return;
  out.push({ span: tightSpan(ctx.text, s.start, s.start + s.text.length), item, rule: 'propose/presented-by', confidence: 0.5, name: null, role: null, nameSpan: who.name, roleSpan: who.role, basis: 'presented' });
}

/**
 * "X and Y presented": the subject split at each "and" that starts a new person — a name ("…, Chief
 * Executive, NHS Grampian and Stephen Logan, Chair"), an honorific or "the" ("the Head of Planning and the
 * Chief Executive") — never inside a role ("Director of Workforce and Strategic Change").
 */
function presenterParts(subject: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const m of subject.matchAll(/(?<!\s)\s+and\s+(?=[A-Z]|the\s+[A-Z])/g)) {
    const next = subject.slice(m.index + m[0].length);
    const lead = /^[^,(]+/.exec(next)?.[0].trim() ?? '';
    if (!/^(?:the\s|(?:Councillors?|Cllr\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Professor)\s)/.test(lead) && !isPersonName(lead, true)) continue;
    parts.push(subject.slice(from, m.index));
    from = m.index + m[0].length;
  }
  parts.push(subject.slice(from));
  return parts;
}

export function proposeWitnesses(ctx: Context): Witness[] {
  const out: Witness[] = [];
  // "Presented by …" often stands as a line of its own under the item's title, which reads as a heading.
  for (const u of ctx.units) {
    if ((u.role === 'heading' || u.role === 'content') && (u.part === 'minutes' || u.part === 'decision') && PRESENTED_BY.test(u.text.slice(0, SUBJECT_MAX))) {
      for (const s of unitSentences(ctx, u)) presentedBy(ctx, s, u.item, out);
    }
  }
  for (const u of proseUnits(ctx)) {
    for (const s of unitSentences(ctx, u)) {
      welcomedGuests(ctx, s, u.item, out);
      const verb = mayPresent(s.text) ? PRESENT_VERB.exec(s.text) : null;
      if (!verb || verb.index === 0 || verb.index > 240) continue;
      const span = tightSpan(ctx.text, s.start, s.end);
      if (overlaps(span, out)) continue;
      // A sentence a witness rule read is proposed again only for the people the rule missed.
      const drafted = ctx.drafts.witnesses.filter((w) => spansMeet(w.span, span));
      // The presenters are the agent the sentence opens with (an opening "Then" or "Also", or an opening phrase
      // of time or place up to its comma — "In December, Mr X presented …" — skipped):
      // "X and Y presented", "X, Role, and Y, Role, introduced", "Mr X (objector) attended and addressed".
      // A numbered paragraph's number ("8.", "(b)") is not part of the agent either.
      const skip = /^(?:\(?(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)[.)]\s+)?(?:(?:Then|Also|Finally|Next|Subsequently|Lastly)\s*,?\s+|(?:In|On|At|During|Following|After|Before|Since|Earlier|Later)\s[^,]{1,40},\s+)?/.exec(s.text)?.[0].length ?? 0;
      const agentEnd = skip + leadingAgent(s.text.slice(skip));
      if (agentEnd <= skip) continue;
      // The agent must be the one presenting: the verb follows it ("X presented", "X, Role, introduced",
      // "X attended the meeting and addressed"), not a clause later ("X requests that a report be presented").
      if (!PRESENTER_GAP.test(s.text.slice(agentEnd, verb.index + 1))) continue;
      const subject = s.text.slice(skip, agentEnd).replace(/[,\s]+$/, '');
      // A committee or council is the meeting or its audience, not a presenter ("Mrs X, Chairman of the
      // Standards Committee" is a person: her role names the committee).
      if (!subject.includes(',') && /\b(?:Committee|Council|Board|Panel|Cabinet|Forum|Sub-Committee)$/.test(subject)) continue;
      const offset = s.start + skip;
      // "X and Y presented": two presenters only when each side stands as a person or a role on its own
      // ("the Overview and Scrutiny Committee" is one body).
      const parts = presenterParts(subject);
      const split = parts.map((part) => {
        const i = subject.indexOf(part);
        return person(ctx, offset + i, offset + i + part.length);
      });
      const people = parts.length > 1 && split.every(Boolean) ? split : [person(ctx, offset, offset + subject.length)];
      for (const who of people) {
        if (!who || drafted.some((w) => (who.name && w.nameSpan && spansMeet(who.name, w.nameSpan)) || (!who.name && who.role && w.roleSpan && spansMeet(who.role, w.roleSpan)))) continue;
        if (drafted.length && !who.name) continue;
        out.push({ span, item: u.item, rule: 'propose/presenting-verb', confidence: 0.5, name: null, role: null, nameSpan: who.name, roleSpan: who.role, basis: 'presented' });
      }
    }
  }
  return out;
}

// Who does it, read from the clause's shape (the agent's own words are the owner):
//  "RM to distribute …", "Clerk will ask …", "the Chair agreed to write …", "X was asked to …" — the subject;
//  "That the Chairperson sign …", "Officers monitor …" — the subject of a decision's bare verb;
//  "that a meeting of the Resources Committee be held …" — the body whose meeting it is.
// A capitalised agent, or one of the genre's lower-case owners ("the clerk will contact …", "officers monitor …").
const AGENT = "(?:the\\s+|The\\s+)?(?<who>[A-Z][\\w&'’.-]*(?:\\s+(?:[A-Z][\\w&'’.-]*|of|and|&|for|the)){0,7}|clerk|chair(?:man)?|officers)";
const SUBJECT_OWNER = new RegExp(`^(?:(?:It\\s+was\\s+agreed|Agreed|That|that)\\s+(?:that\\s+)?)?${AGENT}\\s+(?:to|will|would|shall|should|must|is\\s+to|are\\s+to|agreed\\s+to|undertook\\s+to|offered\\s+to|was\\s+asked\\s+to|were\\s+asked\\s+to|was\\s+requested\\s+to)\\s+[a-z]`);
const BARE_VERB_OWNER = new RegExp(`^(?:That|that)\\s+${AGENT}\\s+(?!be\\b|is\\b|are\\b|was\\b|were\\b|has\\b|have\\b)[a-z]{3,}(?<!s)\\b`);
const OFFICERS_OWNER = /^(?<who>Officers)\s+(?!be\b|are\b|were\b|have\b)[a-z]{3,}(?<!s)\b/;
const MEETING_OWNER = /\bmeetings?\s+of\s+the\s+(?<who>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&|for|the)){0,7})\s+be\s+(?:held|scheduled|arranged|convened)\b/;
// "… of age, Ms Coombs offered to provide …", "… and Mrs Chandler offered to circulate …": a person's
// undertaking after a comma or "and", later in the sentence than its start.
const UNDERTAKING_OWNER = /(?:,|\band)\s(?<who>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|The)\s)?[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,3})\s(?:offered|agreed|undertook|promised)\sto\s[a-z]/;
// "(3.5) Welcome Packs – RM to distribute …": an action log's item title before a dash is not the clause.
const TITLE_BEFORE_DASH = /^(?:\([\d.]+\)\s*)?[^–—]{1,60}?\s[–—-]\s+(?=\S)/;

/** Owners of an action clause the rules did not own: ownersIn's phrases first, then the clause's shape. */
export function clauseOwners(ctx: Context, span: DraftSpan): DraftOwner[] {
  const found = ownersIn(ctx, span);
  if (found.length) return found;
  let start = span.start;
  let text = ctx.text.slice(span.start, Math.min(span.end, span.start + SUBJECT_MAX));
  const title = TITLE_BEFORE_DASH.exec(text);
  if (title && SUBJECT_OWNER.test(text.slice(title[0].length))) {
    start += title[0].length;
    text = text.slice(title[0].length);
  }
  const m = SUBJECT_OWNER.exec(text) ?? BARE_VERB_OWNER.exec(text) ?? OFFICERS_OWNER.exec(text) ?? MEETING_OWNER.exec(text) ?? UNDERTAKING_OWNER.exec(text);
  if (!m?.groups?.who) return [];
  const who = m.groups.who;
  const at = start + m.index + m[0].indexOf(who);
  const list: DraftOwner[] = [];
  let pos = 0;
  for (const part of who.split(/\s+(?:and|&)\s+/)) {
    const i = who.indexOf(part, pos);
    pos = i + part.length;
    const partSpan = { start: at + i, end: at + i + part.length };
    const owner = makeOwner(ctx, partSpan);
    if (owner) list.push(owner);
    // Initials ("RM", "SV") stand for a named member in parish action logs.
    else if (/^[A-Z]{2,4}$/.test(part)) list.push({ span: partSpan, nameSpan: partSpan, roleSpan: null });
    else if (/^(?:Officers|Members|Councillors)$/.test(part)) list.push({ span: partSpan, nameSpan: null, roleSpan: null });
  }
  return list;
}

// A cell of an owner column: a role, a councillor or initials, alone on its line.
const OWNER_CELL = /^(?:(?:The\s+)?(?:Clerk|Chair(?:man|person)?|Vice[- ]Chair(?:man)?|Treasurer|Secretary|Mayor|RFO)|(?:Cllrs?|Councillor|Mr|Mrs|Ms|Dr)\s?\.?\s?[A-Z][\w.'’ -]{0,28}|[A-Z]{2,4}(?:\s?[/&]\s?[A-Z]{2,4})*)$/;

/**
 * An owner column read off a page (pdf-to-text puts each cell on a line of its own after its paragraph):
 * "… agreed to donate £50.00." then "Clerk". The cell names who acts on the paragraph: an action of the
 * paragraph with nobody named gets it as owner, and a paragraph with no action proposes one.
 */
function ownerColumn(ctx: Context, out: Action[]): void {
  const { units } = ctx;
  for (let i = 0; i + 1 < units.length; i++) {
    const u = units[i];
    const cell = units[i + 1];
    if (u.role !== 'content' || u.part !== 'minutes' || cell.blockStart || cell.marker) continue;
    const text = cell.text.trim();
    // A cell is a name or a role, never a sentence or a list ("Cllr K Hawes and Cllr C Beare.").
    if (text.length > 30 || /\.$|\sand\s/.test(text) || !OWNER_CELL.test(text)) continue;
    const owner = makeOwner(ctx, { start: cell.start, end: cell.end });
    if (!owner) continue;
    const inside = [...ctx.drafts.actions, ...out].filter((a) => a.span.start >= u.start && a.span.end <= u.end);
    if (inside.length) {
      for (const a of inside) if (!a.owners.length) a.owners = [owner];
      continue;
    }
    // The whole paragraph, its decision included: the cell stands against all of it.
    const span = tightSpan(ctx.text, u.pointStart ?? u.start, u.end);
    out.push({ span, item: u.item, rule: 'propose/owner-column', confidence: 0.5, owners: [owner], from: null });
  }
}

/** A decision or sentence that asks someone to do something, in any words. */
const asks = (text: string) => ACTION_CUE.test(text) || PASSIVE_ASK.test(text);

export function proposeActions(ctx: Context): Action[] {
  const out: Action[] = [];
  const taken = (span: DraftSpan) => overlaps(span, ctx.drafts.actions) || overlaps(span, out);
  // Decisions no rule read as an action: the model decides whether they ask for something.
  for (const kind of ['resolutions', 'recommendations'] as const) {
    ctx.drafts[kind].forEach((r, index) => {
      const text = ctx.text.slice(r.span.start, r.span.end);
      if (taken(r.span) || !asks(text) || onlyApproves(ctx, text, asks)) return;
      // An "Action: <task>" line just below restates the decision: one thing asked twice is one action.
      const below = ctx.units[unitAt(ctx, r.span.end - 1) + 1];
      if (below?.consumedBy === 'actions' && ctx.drafts.actions.some((a) => a.span.start >= below.start && a.span.end <= below.end)) return;
      const span = actionSpan(ctx, r.span.start, r.span.end);
      out.push({ span, item: r.item, rule: 'propose/decision', confidence: 0.5, owners: clauseOwners(ctx, span), from: { type: kind === 'resolutions' ? 'resolution' : 'recommendation', index } });
    });
  }
  ownerColumn(ctx, out);
  for (const u of ctx.units) {
    if (u.role === 'chrome' || u.part === 'preamble' || u.part === 'agenda' || u.text.trim().length < 8) continue;
    for (const s of unitSentences(ctx, u)) {
      if (!mayAsk(s.text) || !ACTION_CUE.test(s.text) || onlyApproves(ctx, s.text, asks)) continue;
      const span = actionSpan(ctx, s.start, s.end);
      if (span.end <= span.start || taken(span)) continue;
      out.push({ span, item: u.item, rule: 'propose/action-cue', confidence: 0.5, owners: clauseOwners(ctx, span), from: null });
    }
  }
  return out;
}
