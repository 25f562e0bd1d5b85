/**
 * Stage 6d — actions and their owners.
 *
 * 1. A resolution or recommendation that asks for something to be done (the grammar's `actionVerb`s:
 *    circulate, report back, implement, delegate …) is also an action; one that only approves, notes or
 *    endorses is not (`approvalLead`), nor a "WHEREAS" recital. A decision is read clause by clause
 *    ("to agree …; to delegate authority to the director to …"): the action is the part that asks, and
 *    clauses that each open "That …" are an action each.
 * 2. "Action: <task>" lines are actions; "ACTION: <owner>" lines give the owner of the actions
 *    of their block.
 * 3. In the debate: members' requests, and forward commitments by a named officer or body ("the Head of
 *    Internal Audit agreed to provide …", "the Board would scrutinise …") — never a passive "would be
 *    provided" with nobody named.
 * Owners are the roles or people the clause names as doing the work.
 */
import type { Context, DraftOwner, DraftSpan } from '../context.js';
import { tightSpan } from '../context.js';
import { isAgent, isPersonName, isRole, honorificLength } from '../nlp/people.js';
import { unitSentences } from './extract-people.js';
import { SENTENCE_LIMIT } from '../grammar/compile.js';
import { splitWithOffsets } from '../text/strings.js';
import { mayMatchOf } from '../grammar/needles.js';

type Action = Context['drafts']['actions'][number];

/** Drops a trailing "; and", ";", "." and a closing ", be endorsed." from an action's span. */
export function actionSpan(ctx: Context, start: number, end: number): DraftSpan {
  let span = tightSpan(ctx.text, start, end);
  const text = ctx.text.slice(span.start, span.end);
  const tail = /(?:,\s*be\s+(?:endorsed|approved|agreed|noted)\.?|;\s*and|;|\.)$/i.exec(text);
  if (tail) span = tightSpan(ctx.text, span.start, span.end - tail[0].length);
  return span;
}

/**
 * Where a clause names who is to act. `lowercase`: this pattern's owner may be a plain "the service" (no
 * capital, no role word). Each is tried only where its prefilter (mayMatchOf: the words every match holds) allows:
 * the patterns try up to 80 characters after every capital letter, and most clauses hold none of their verbs.
 */
const ownerPattern = (regex: RegExp, lowercase = false) => ({ regex, lowercase, mayMatch: mayMatchOf(regex) });
const OWNER_PATTERNS = [
  ownerPattern(/\b(?:requests?|requested|asks?|asked|agreed|recommends?)\s+that\s+(?<who>(?:the\s+)?[A-Z][\w&'’ ,-]{1,80}?)\s+(?:should\s+)?(?:circulate|provide|prepare|present|report|write|arrange|bring|send|undertake|investigate|publish|review|consider|update|contact|meet|liaise|develop|establish|consult|submit|ensure)\b/g),
  ownerPattern(/\b(?<who>(?:the\s+)?[A-Z][\w&'’ -]{1,80}?)\s+(?:be|is|was|are|were)\s+(?:authorised|authorized|delegated|asked|requested|instructed)\s+to\b/g),
  ownerPattern(/\b(?:requests?|requested|asks?|asked|invites?|invited|instructs?|instructed)\s+(?<who>(?:the\s+)?[A-Z][\w&'’ -]{1,80}?)\s+to\s+[a-z]/g),
  ownerPattern(/\bdelegated?\s+(?:authority\s+)?to\s+(?<who>(?:the\s+)?[A-Za-z][\w&'’ -]{1,80}?)(?=\s+(?:to|in|for|and)\b|[,.;]|$)/g),
  ownerPattern(/\b(?:update|report|information|assurance)\s+from\s+(?<who>(?:the\s+)?[A-Za-z][\w&'’ -]{1,60}?)(?=\s+(?:that|on|about|to|regarding)\b|[,.;]|$)/g, true),
];

/** Owners named inside a clause: "requests that the Director of X circulate", "delegate authority to the director", "from the service". */
export function ownersIn(ctx: Context, span: DraftSpan): DraftOwner[] {
  // Owners are named near the start of a clause; reading at most SENTENCE_LIMIT characters keeps it linear.
  const text = ctx.text.slice(span.start, Math.min(span.end, span.start + SENTENCE_LIMIT));
  const owners: DraftOwner[] = [];
  for (const { regex, lowercase, mayMatch } of OWNER_PATTERNS) {
    if (!mayMatch(text)) continue;
    for (const m of text.matchAll(regex)) {
      const who = m.groups!.who;
      const offset = span.start + m.index + m[0].indexOf(who);
      // "the Director of Finance and the Head of Legal Services": each is an owner.
      for (const part of who.split(/(\s+and\s+(?=the\s|[A-Z]))/)) {
        if (/^\s+and\s+$/.test(part) || !part.trim()) continue;
        const at = offset + who.indexOf(part);
        const owner = makeOwner(ctx, { start: at, end: at + part.length }, lowercase);
        if (owner) owners.push(owner);
      }
    }
  }
  return owners;
}

export function makeOwner(ctx: Context, span: DraftSpan, allowLowercase = false): DraftOwner | null {
  span = tightSpan(ctx.text, span.start, span.end);
  // "That the Director …": the decision's opening word is not part of the owner.
  const opening = /^that\s+/i.exec(ctx.text.slice(span.start, span.end));
  if (opening) span = { start: span.start + opening[0].length, end: span.end };
  const text = ctx.text.slice(span.start, span.end);
  if (!text) return null;
  const bare = text.replace(/^the\s+/i, '');
  if (isPersonName(bare) && !isRole(bare)) {
    const skip = honorificLength(text);
    const nameSpan = tightSpan(ctx.text, span.start + skip, span.end);
    return { span: nameSpan, nameSpan, roleSpan: null };
  }
  if (isAgent(bare) || (allowLowercase && /^the\s+\w+/i.test(text))) {
    const roleSpan = { start: span.end - bare.length, end: span.end };
    return { span, nameSpan: null, roleSpan: isRole(bare) ? roleSpan : null };
  }
  return null;
}

export function extractActions(ctx: Context): void {
  const { grammar, drafts } = ctx;
  const actions: Action[] = [];

  // 1. Decisions that ask for something: each clause (cut at semicolons) is read on its own.
  for (const kind of ['resolutions', 'recommendations'] as const) {
    drafts[kind].forEach((record, index) => {
      const text = ctx.text.slice(record.span.start, record.span.end);
      if (!grammar.test('actionVerb', text)) return;
      const clauses = [...text.matchAll(DECISION_CLAUSE)];
      const asking = clauses.filter((c) => clauseAsks(ctx, c[0]));
      if (!asking.length) return;
      const push = (start: number, end: number, clause: string) => {
        const span = actionSpan(ctx, start, end);
        actions.push({
          span,
          item: record.item,
          rule: `${grammar.first('actionVerb', clause)!.rule.id}`,
          confidence: 0.7,
          owners: ownersIn(ctx, span),
          from: { type: kind === 'resolutions' ? 'resolution' : 'recommendation', index },
        });
      };
      // Clauses that each open "That …" ("That we transfer A to reserve; That we transfer B …") are
      // decisions side by side, an action each; otherwise the asking part of one decision is one action.
      if (asking.length > 1 && asking.every((c) => OPERATIVE_THAT.test(c[0]))) {
        for (const c of asking) push(record.span.start + c.index!, record.span.start + c.index! + c[0].length, c[0]);
        return;
      }
      // The clauses tile the decision, so a decision of one clause is taken whole.
      const first = asking[0];
      const last = asking[asking.length - 1];
      push(record.span.start + first.index!, record.span.start + last.index! + last[0].length, first[0]);
    });
  }

  // 2. ACTION lines.
  ctx.units.forEach((u, index) => {
    if (u.role === 'chrome' || u.part === 'preamble') return;
    const hit = grammar.first('actionLine', u.text);
    if (!hit || hit.match.index !== 0) return;
    u.consumedBy = 'actions';
    const ownerText = hit.groups.owner;
    const ownerStart = u.start + hit.match[0].lastIndexOf(ownerText ?? '');
    const ownerSpan = ownerText ? tightSpan(ctx.text, ownerStart, ownerStart + ownerText.length) : null;
    const owner: DraftOwner | null = ownerSpan ? { span: ownerSpan, nameSpan: null, roleSpan: ownerSpan } : null;
    if (owner && ownerSpan && isPersonName(ownerText!) && !isRole(ownerText!)) {
      owner.nameSpan = tightSpan(ctx.text, ownerSpan.start + honorificLength(ownerText!), ownerSpan.end);
      owner.roleSpan = null;
    }
    if (hit.groups.task) {
      const taskStart = u.start + hit.match[0].indexOf(hit.groups.task);
      // "Action: Clerk to order the device …": the owner leads the task.
      let taskOwner: DraftOwner | null = null;
      const lead = !owner ? grammar.first('actionCue', hit.groups.task) : null;
      if (lead && lead.rule.id.endsWith('action-log-line') && lead.groups.who && isAgent(lead.groups.who)) {
        const whoStart = taskStart + lead.match.index + lead.match[0].indexOf(lead.groups.who);
        taskOwner = makeOwner(ctx, { start: whoStart, end: whoStart + lead.groups.who.length });
      }
      // The task restates the decision just above it: one thing asked twice is one action.
      const previous = ctx.units[index - 1];
      for (let k = actions.length - 1; k >= 0; k--) {
        if (previous && actions[k].span.start >= previous.start && actions[k].span.end <= previous.end) actions.splice(k, 1);
      }
      actions.push({
        span: actionSpan(ctx, taskStart, taskStart + hit.groups.task.length),
        item: u.item,
        rule: hit.rule.id,
        confidence: 0.9,
        owners: owner ? [owner] : taskOwner ? [taskOwner] : [],
        from: null,
      });
      return;
    }
    // "ACTION: <owner>" applies to the actions of its block: those above it back to the previous label.
    if (!owner) return;
    const blockStart = findBlockStart(ctx, index);
    for (const action of actions) {
      if (action.span.start >= blockStart && action.span.end <= u.start) action.owners.push({ ...owner });
    }
  });

  // 3. Requests and commitments in the debate.
  for (const u of ctx.units) {
    if (u.role !== 'content' || u.part !== 'minutes') continue;
    if (u.consumedBy === 'resolutions' || u.consumedBy === 'recommendations' || u.consumedBy === 'actions') continue;
    if (u.section === 'attendance' || u.section === 'witnesses') continue;
    const sentences = unitSentences(ctx, u);
    // Cues are read clause by clause: "…; the document will be considered at the Committee's next meeting".
    const clauses = sentences.flatMap((sentence) => splitClauses(sentence));
    for (const sentence of clauses) {
      for (const hit of grammar.all('actionCue', sentence.text)) {
        const who = hit.groups.who ?? '';
        const whoStart = sentence.start + hit.match.index + hit.match[0].indexOf(who);
        const isRequest = hit.rule.id.endsWith('members-requested');
        const pronoun = /^(?:He|She)$/.test(who);
        // "… at the Committee's next meeting": the meeting's own body, however plainly named, owns it.
        const meetingBody = hit.rule.id.endsWith('next-meeting-of');
        if (!isRequest && !pronoun && !meetingBody && !isAgent(who.replace(/^the\s+/i, ''))) continue;
        const span = actionSpan(ctx, hit.match.index === 0 ? sentence.start : whoStart, sentence.end);
        let owners: DraftOwner[];
        if (isRequest) owners = ownersIn(ctx, span);
        else if (pronoun) {
          // "She would update Members": the person this paragraph named before (a witness of it), else nobody.
          const named = ctx.drafts.witnesses.filter((w) => w.span.start >= u.start && w.span.end <= sentence.start);
          const person = named[named.length - 1];
          if (!person) continue;
          owners = [{ span: person.span, nameSpan: person.nameSpan, roleSpan: person.roleSpan }];
        } else if (meetingBody) {
          const body = tightSpan(ctx.text, whoStart, whoStart + who.length);
          const withArticle = /\bthe\s+$/i.exec(ctx.text.slice(Math.max(0, body.start - 4), body.start));
          owners = [{ span: withArticle ? { start: body.start - withArticle[0].length, end: body.end } : body, nameSpan: null, roleSpan: body }];
        } else owners = [makeOwner(ctx, { start: whoStart, end: whoStart + who.length })].filter((o): o is DraftOwner => o !== null);
        actions.push({ span, item: u.item, rule: hit.rule.id, confidence: 0.6, owners, from: null });
        // An action-log line ("Clerk to write to …") is the action itself, not a point of the debate.
        if (hit.rule.id.endsWith('action-log-line') && sentences.length === 1) u.consumedBy = 'actions';
        break;
      }
    }
  }

  // Owners' names from the witness and attendance lists: "Head of Planning" → Sarah Green (Head of Planning).
  for (const action of actions) for (const owner of action.owners) fillOwnerName(ctx, owner);
  drafts.actions = actions;
}

/**
 * The clauses of a decision: cut after each semicolon, and before a sentence that opens a decision of its own
 * ("… 150 m. AND THAT this Resolution be forwarded to …").
 */
const DECISION_CLAUSE = /(?:[^;.]|\.(?!\s+(?:AND\s+THAT|And\s+that|THAT|That)\s))+(?:;|\.(?=\s)|$)|\./g;

/** A clause that opens as a decision of its own: "That …", "AND THAT …". */
const OPERATIVE_THAT = /^\s*(?:and\s+)?that\s/i;

/**
 * Whether one clause of a decision asks for something to be done (GUIDE.md): it holds an action verb, is not a
 * recital ("WHEREAS …" gives reasons), and does not only approve (onlyApproves).
 */
function clauseAsks(ctx: Context, clause: string): boolean {
  const asks = (text: string) => ctx.grammar.test('actionVerb', text);
  return !/^\s*WHEREAS\b/i.test(clause) && asks(clause) && !onlyApproves(ctx, clause, asks);
}

/**
 * A decision clause led by a verb that only approves, notes or endorses ("THAT we pass By-Law 48, being a By-Law
 * to authorize …", "the Authorised Limit be approved") that does not go on, after an "and" or "but", to ask
 * (`asks`): "That the report be noted and that it be presented to Council" asks.
 */
export function onlyApproves(ctx: Context, clause: string, asks: (text: string) => boolean): boolean {
  const lead = ctx.grammar.first('approvalLead', clause);
  if (!lead) return false;
  const rest = clause.slice(lead.match.index + lead.match[0].length);
  const and = /\s(?:and|but)\s/i.exec(rest);
  return and === null || !asks(rest.slice(and.index));
}

/** Where the block an "ACTION:" line closes begins: just after the previous ACTION line or item heading. */
function findBlockStart(ctx: Context, index: number): number {
  for (let k = index - 1; k >= 0; k--) {
    const u = ctx.units[k];
    if (u.role === 'heading' || u.consumedBy === 'actions') return u.end;
  }
  return 0;
}

const bareRole = (role: string) => role.replace(/^the\s+/i, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** Fills a role-only owner's name when exactly one listed person holds that role. */
function fillOwnerName(ctx: Context, owner: DraftOwner): void {
  if (owner.nameSpan || !owner.roleSpan) return;
  const slice = (s: DraftSpan) => ctx.text.slice(s.start, s.end);
  const wanted = bareRole(slice(owner.roleSpan));
  const found = new Map<string, DraftSpan>();
  for (const w of ctx.drafts.witnesses) if (w.nameSpan && w.roleSpan && bareRole(slice(w.roleSpan)) === wanted) found.set(slice(w.nameSpan), w.nameSpan);
  for (const a of ctx.drafts.attendance) if (a.role && a.role !== a.nameSpan && bareRole(slice(a.role)) === wanted) found.set(slice(a.nameSpan), a.nameSpan);
  if (found.size === 1) owner.nameSpan = [...found.values()][0];
}

/** A sentence's clauses, cut at semicolons: each may carry its own commitment. */
function splitClauses(sentence: { start: number; text: string }): { start: number; end: number; text: string }[] {
  return splitWithOffsets(sentence.text, /;\s*(?:and\s+)?/g)
    .filter((c) => c.text.trim().length > 0)
    .map((c) => ({ start: sentence.start + c.offset, end: sentence.start + c.offset + c.text.length, text: c.text }));
}
