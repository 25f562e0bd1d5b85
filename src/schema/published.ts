import { z } from 'zod';

/**
 * A zod schema as the JSON Schema file published under schemas/ (draft 2020-12, with its `$id` and title).
 * `io: 'input'` describes what a file may hold before defaults are applied (grammars, gazetteers).
 */
export function publishedJsonSchema(schema: z.ZodType, file: string, title: string, io?: 'input'): Record<string, unknown> {
  return {
    ...z.toJSONSchema(schema, { target: 'draft-2020-12', ...(io ? { io } : {}) }),
    $id: `https://committee-minutes.dev/schemas/${file}`,
    title,
  };
}
