/**
 * Answers of a slow pure function of a string, kept: minutes repeat the same names and dates from page to
 * page. The map is bounded — cleared when full — so memory stays flat over a batch.
 */
export function memoise<T>(slow: (text: string) => T, max: number): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    if (answers.has(text)) return answers.get(text) as T;
    const answer = slow(text);
    if (answers.size >= max) answers.clear();
    answers.set(text, answer);
    return answer;
  };
}
