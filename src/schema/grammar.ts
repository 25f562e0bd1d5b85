/**
 * The shape of a grammar file (grammars/*.json) and of the roles gazetteer (grammars/roles.json).
 *
 * A grammar is data: a list of rules, each a regular expression with a unique id, the kind of thing it
 * recognises, and examples that must (and must not) match. The examples run as tests, so every rule carries
 * its own proof. `schemas/grammar.schema.json` is generated from these schemas.
 */
import { z } from 'zod';
import { publishedJsonSchema } from './published.js';

/** What a rule recognises; the stages ask the grammar for rules by kind. */
export const RuleKindSchema = z.enum([
  'detect', // a cue that the text follows this grammar's layout (scored for auto-detection)
  'pageChrome', // navigation and page furniture: "Issue - meetings", "Agenda item", "Top"
  'titleCue', // a line after which the item title follows ("Agenda item")
  'meetingLine', // "Meeting: 07/06/2022 - Committee (Item 13)" → committee, date, item
  'meetingHeading', // "Minutes of a meeting of X held on …", "X - Tuesday 14 May 2019 10.00 am" → committee, date
  'committeeLine', // a heading line naming a committee alone ("PLANNING COMMITTEE")
  'dateLine', // a line holding only a meeting date ("Wednesday, 25 March 2015")
  'itemHeading', // "13 Title pdf icon PDF 238 KB" → item, title
  'pdfSuffix', // the "pdf icon PDF 238 KB" tail of a heading
  'minutesStart', // "Minutes:" — the minutes proper start here
  'decisionStart', // "Decision:" — a decision block
  'documentsLine', // "Supporting documents:", "Additional documents:"
  'truncation', // "… view the full minutes text for item 6"
  'noise', // lines that are never records: contact lines, page numbers, "view the full agenda text"
  'sectionLabel', // "Witnesses:", "Key points of discussion:", "Present:" … (see `section`)
  'resolutionLabel', // "RESOLVED –", "Resolved:-", "AGREED", "The Committee resolved:-"
  'recommendationLabel', // "Recommended –", "It recommends:", "The report recommended:-"
  'actionLine', // "ACTION: Strategic Director", "Action: Scan document By Office"
  'agendaLine', // agenda blurbs: "To consider …", "The Committee is asked to …"
  'procedural', // "submitted a report", "Consideration was given to …": not a discussion point
  'noRecord', // welcomes, apologies, "no declarations", "none"
  'motion', // "Proposed by …", "seconded by …", "put to the vote": belongs to the decision
  'decision', // an unlabelled decision sentence: "The Panel noted the report.", "… agreed as a correct record"
  'witness', // a sentence in which someone presented / introduced / updated the meeting
  'declaration', // a member declaring an interest
  'interestKind', // the kind of interest declared
  'conduct', // what a declaring member did: "left the room", "took no part in the vote"
  'attendance', // a sentence listing people with an attendance status: "Apologies were received from X and Y"
  'vote', // votes: counts, unanimity, mover and seconder (named groups say which)
  'actionCue', // a clause that asks someone to do something
  'actionVerb', // a verb that makes a decision ask for something to be done
  'approvalLead', // a decision clause led by a verb that only approves, notes or endorses
]);
export type RuleKind = z.infer<typeof RuleKindSchema>;

export const SectionSchema = z.enum([
  'witnesses',
  'declarations',
  'discussion',
  'recommendations',
  'resolutions',
  'attendance',
  'apologies',
  'reasons',
  'skip',
]);
export type Section = z.infer<typeof SectionSchema>;

export const RuleSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z_][a-z0-9_-]*\/[a-z0-9][a-z0-9-]*$/, 'a rule id is "grammar/rule-name" in lower case'),
    kind: RuleKindSchema,
    pattern: z.string().min(1),
    flags: z
      .string()
      .regex(/^[imsu]*$/, 'flags may only use i, m, s and u')
      .default(''),
    description: z.string().min(1),
    section: SectionSchema.optional().describe('For sectionLabel rules: the section the label opens.'),
    status: z
      .enum(['present', 'apologies', 'absent', 'substitute', 'in_attendance', 'remote'])
      .optional()
      .describe('For attendance labels and sentences: the attendance status of the people listed.'),
    weight: z.number().positive().optional().describe('For detect rules: how much a match counts.'),
    confidence: z.number().min(0).max(1).optional().describe('Confidence given to records this rule produces.'),
    examples: z.object({
      match: z.array(z.string()).min(1, 'every rule needs at least one example that matches'),
      noMatch: z.array(z.string()).default([]),
    }),
  })
  .strict();
export type Rule = z.infer<typeof RuleSchema>;

export const GrammarSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z_][a-z0-9_-]*$/),
    name: z.string().min(1),
    description: z.string().min(1),
    extends: z.array(z.string()).default([]).describe('Ids of grammars whose rules this one adds to.'),
    rules: z.array(RuleSchema),
  })
  .strict();
export type GrammarInput = z.input<typeof GrammarSchema>;
export type GrammarFile = z.infer<typeof GrammarSchema>;

export const GazetteerSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.literal('roles'),
    description: z.string(),
    roleHeads: z.array(z.string().min(1)).min(1).describe('Words or phrases that make a noun phrase an officer role.'),
    bodies: z.array(z.string().min(1)).describe('Words that make a noun phrase a body (Board, Committee, service …).'),
    honorifics: z.array(z.string().min(1)).describe('Titles dropped from names: Councillor, Cllr, Mr …'),
    chairs: z.array(z.string().min(1)).describe('Roles that chair the meeting (never witnesses).'),
  })
  .strict();
export type Gazetteer = z.infer<typeof GazetteerSchema>;

export function grammarJsonSchema(): Record<string, unknown> {
  return publishedJsonSchema(GrammarSchema, 'grammar.schema.json', 'Grammar', 'input');
}

export function gazetteerJsonSchema(): Record<string, unknown> {
  return publishedJsonSchema(GazetteerSchema, 'gazetteer.schema.json', 'Gazetteer', 'input');
}
