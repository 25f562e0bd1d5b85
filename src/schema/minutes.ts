/**
 * The output contract, schemaVersion "1".
 *
 * These zod schemas are the single source of truth: the TypeScript types are inferred from them and
 * `schemas/minutes.schema.json` is generated from them (`npm run schemas`); a test fails when the committed
 * JSON Schema drifts. Field names are fixed: fields may be added, never renamed.
 */
import { z } from 'zod';
import { publishedJsonSchema } from './published.js';

/** UTF-16 offsets into the input string; `end` is exclusive. */
export const SpanSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .describe('UTF-16 offsets into the input string; end exclusive.');

const recordBase = {
  id: z.string().describe('Stable id within the document, e.g. "res-2".'),
  item: z.string().nullable().describe('Id of the item the record belongs to, or null when the text has no items.'),
  span: SpanSchema,
  rule: z.string().describe('Id of the grammar rule or extractor that produced the record.'),
  confidence: z.number().min(0).max(1).describe('How likely the record is right, 0–1: calibrated on held-out texts when the learned model decided it.'),
  evidence: z
    .array(z.string())
    .optional()
    .describe('When the learned model decided the record: the features that weighed most, strongest first (e.g. "g:_base/resolved-that", "cue:requests-that").'),
  page: z.number().int().positive().optional().describe('For PDF inputs: the page the record starts on.'),
  ocr: z.boolean().optional().describe('True when the record was read by OCR from a page image (a scanned PDF read with --ocr): its words may be misread.'),
};

export const SourceSchema = z.object({
  name: z.string().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.enum(['text', 'markdown', 'html', 'moderngov-xml', 'pdf', 'docx']),
  chars: z.number().int().nonnegative().describe('Length of the input in UTF-16 code units.'),
  text: z
    .string()
    .optional()
    .describe('The text extracted from a non-text input (HTML, XML, PDF, Word): what the spans point into.'),
  part: z.string().nullable().optional().describe('Which document of a file holding several (a ModernGov XML meeting).'),
  ocr: z.boolean().optional().describe('True when the text was read by OCR from page images (a PDF without a usable text layer, read with --ocr).'),
});

export const MeetingSchema = z.object({
  committee: z.string().nullable(),
  date: z.iso.date().nullable().describe('ISO date of the meeting (day-first in the source).'),
  item: z.string().nullable(),
  title: z.string().nullable(),
});

export const ItemSchema = z.object({
  id: z.string(),
  number: z.string().nullable(),
  title: z.string().nullable(),
  span: SpanSchema,
});

export const WitnessSchema = z.object({
  ...recordBase,
  name: z.string().nullable(),
  role: z.string().nullable(),
  basis: z.enum(['listed', 'presented']),
  text: z.string().describe('The witness line or phrase as written (whitespace collapsed).'),
});

export const DeclarationSchema = z.object({
  ...recordBase,
  member: z.string(),
  interest: z.string().nullable().describe('Kind of interest when stated, e.g. "non-pecuniary".'),
  conduct: z.string().nullable().describe('What the member did, when stated: "left the room", "took no part in the vote" …'),
  text: z.string(),
});

export const DiscussionPointSchema = z.object({ ...recordBase, text: z.string() });

export const ResolutionSchema = z.object({
  ...recordBase,
  number: z.string().nullable(),
  text: z.string(),
});

export const RecommendationSchema = z.object({
  ...recordBase,
  number: z.string().nullable(),
  text: z.string(),
});

export const OwnerSchema = z.object({
  text: z.string(),
  name: z.string().nullable(),
  role: z.string().nullable(),
  span: SpanSchema.nullable().describe('Where the owner is named; null when implied.'),
});

export const ActionSchema = z.object({
  ...recordBase,
  text: z.string(),
  owners: z.array(OwnerSchema),
  due: z.iso.date().nullable(),
  from: z.string().nullable().describe('Id of the resolution or recommendation the action came from.'),
});

export const AttendanceSchema = z.object({
  ...recordBase,
  name: z.string().describe('The person as written, without Councillor / Cllr / Mr …; a role when only a role is listed.'),
  role: z.string().nullable(),
  status: z.enum(['present', 'apologies', 'absent', 'substitute', 'in_attendance', 'remote']),
  substituteFor: z.string().nullable(),
  text: z.string().describe('The list entry as written (whitespace collapsed).'),
});

export const VoteSchema = z.object({
  ...recordBase,
  resolution: z.string().nullable().describe('Id of the resolution voted on, when it can be told.'),
  for: z.number().int().nonnegative().nullable(),
  against: z.number().int().nonnegative().nullable(),
  abstain: z.number().int().nonnegative().nullable(),
  method: z.enum(['unanimous', 'majority', 'recorded']).nullable(),
  mover: z.string().nullable(),
  seconder: z.string().nullable(),
});

export const WarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  span: SpanSchema.nullable(),
  line: z.number().int().positive().nullable(),
  column: z.number().int().positive().nullable(),
});

export const MinutesDocumentSchema = z.object({
  schemaVersion: z.literal('1'),
  source: SourceSchema,
  grammar: z.string(),
  meeting: MeetingSchema,
  truncated: z.boolean(),
  items: z.array(ItemSchema),
  witnesses: z.array(WitnessSchema),
  declarations: z.array(DeclarationSchema),
  discussionPoints: z.array(DiscussionPointSchema),
  resolutions: z.array(ResolutionSchema),
  recommendations: z.array(RecommendationSchema),
  actions: z.array(ActionSchema),
  attendance: z.array(AttendanceSchema),
  votes: z.array(VoteSchema),
  warnings: z.array(WarningSchema),
});

export type Span = z.infer<typeof SpanSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Meeting = z.infer<typeof MeetingSchema>;
export type Item = z.infer<typeof ItemSchema>;
export type Witness = z.infer<typeof WitnessSchema>;
export type Declaration = z.infer<typeof DeclarationSchema>;
export type DiscussionPoint = z.infer<typeof DiscussionPointSchema>;
export type Resolution = z.infer<typeof ResolutionSchema>;
export type Recommendation = z.infer<typeof RecommendationSchema>;
export type Owner = z.infer<typeof OwnerSchema>;
export type Action = z.infer<typeof ActionSchema>;
export type Attendance = z.infer<typeof AttendanceSchema>;
export type Vote = z.infer<typeof VoteSchema>;
export type Warning = z.infer<typeof WarningSchema>;
export type MinutesDocument = z.infer<typeof MinutesDocumentSchema>;

/** Generates the public JSON Schema from the zod source. */
export function minutesJsonSchema(): Record<string, unknown> {
  return publishedJsonSchema(MinutesDocumentSchema, 'minutes.schema.json', 'MinutesDocument');
}
