/**
 * Day-first dates as UK minutes write them: "07/06/2022" is 7 June 2022; "Thursday, 16th November, 2017";
 * "9th January, 2015". Returns ISO "YYYY-MM-DD" or null when the text is not a valid date.
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const NUMERIC = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;
const WORDED = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(january|february|march|april|may|june|july|august|september|october|november|december),?\s+(\d{4})\b/i;

export function parseUkDate(text: string): string | null {
  let day: number, month: number, year: number;
  const numeric = NUMERIC.exec(text);
  const worded = WORDED.exec(text);
  if (numeric && (!worded || numeric.index <= worded.index)) {
    day = Number(numeric[1]);
    month = Number(numeric[2]);
    year = Number(numeric[3]);
  } else if (worded) {
    day = Number(worded[1]);
    month = MONTHS.indexOf(worded[2].toLowerCase()) + 1;
    year = Number(worded[3]);
  } else {
    return null;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
