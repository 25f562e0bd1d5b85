/**
 * What the pipeline remembers, and for how long: one document. Stages ask slow pure functions of a string
 * (compromise on a name, chrono on a date, the grammar's rules on a line) the same questions again within a
 * document — minutes repeat the same names and dates from page to page, and several stages read the same
 * line — and those answers are kept until the next document starts.
 *
 * Not longer: answers carried from one document to the next made the benchmark, whose corpora repeat their
 * texts, time the memory rather than the work (the names and dates kept across documents made extract() look
 * 10–17% faster there), while over one pass of 82 different minutes texts they saved nothing measurable
 * (0.994 of the time, within noise). Memory stays flat over a batch too.
 */

/** The document being read (see `startDocument`). */
let currentDocument = 0;

/** Marks the start of a new document (runPipeline calls it): from here on nothing is answered from memory of the documents before. */
export function startDocument(): void {
  currentDocument++;
}

/** The number of the document being read: a memo that finds it changed forgets what it held. */
export const documentNumber = (): number => currentDocument;

/**
 * Answers of a slow pure function of a string, kept for the current document. The map is bounded too —
 * cleared when full — so a long document's memory stays flat.
 */
export function memoise<T>(slow: (text: string) => T, max: number): (text: string) => T {
  const answers = new Map<string, T>();
  let document = -1;
  return (text) => {
    if (document !== currentDocument) {
      answers.clear();
      document = currentDocument;
    }
    if (answers.has(text)) return answers.get(text) as T;
    const answer = slow(text);
    if (answers.size >= max) answers.clear();
    answers.set(text, answer);
    return answer;
  };
}
