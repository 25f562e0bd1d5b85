/**
 * The command line: argument handling and output only — the work is the library's.
 * Exit codes: 0 ok, 1 an input failed, 2 usage. Errors print as "committee-minutes: CODE: message (place)",
 * never as a stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extract, MinutesError, grammars } from '../index.js';
import exampleText from '../../corpus/seeds/s004.txt';
import packageJson from '../../package.json' with { type: 'json' };

const version = packageJson.version;

const HELP: Record<string, string> = {
  main: `committee-minutes ${version} — turn committee minutes into validated, source-grounded JSON

Usage:
  committee-minutes extract FILE [--grammar ID|FILE] [--pretty]
  committee-minutes extract --example [--pretty]
  committee-minutes grammars
  committee-minutes --help | --version

Commands:
  extract    Extract one minutes text file and print its MinutesDocument as JSON.
  grammars   List the built-in grammars.
`,
  extract: `Usage: committee-minutes extract FILE [options]

Prints the MinutesDocument of FILE (UTF-8 text) as JSON on stdout.

Options:
  --example        Run on the embedded example (a Surrey scrutiny board's minutes) instead of FILE.
  --grammar ID     Force a built-in grammar (${grammars.map((g) => g.id).join(', ')}) or a grammar JSON FILE.
  --pretty         Indent the JSON.
  --help           Show this help.
`,
};

class UsageError extends Error {}

function fail(code: string, message: string, place?: string): never {
  process.stderr.write(`committee-minutes: ${code}: ${message}${place ? ` (${place})` : ''}\n`);
  process.exit(code === 'E_USAGE' ? 2 : 1);
}

function readInput(path: string): string {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail('E_NOT_FOUND', 'no such file', path);
    if (code === 'EACCES') fail('E_UNREADABLE', 'permission denied', path);
    fail('E_READ', (error as Error).message, path);
  }
  if (stat.isDirectory()) fail('E_IS_DIRECTORY', 'is a directory, not a file', path);
  try {
    const buffer = readFileSync(path);
    if (buffer.includes(0) && !(buffer[0] === 0xff && buffer[1] === 0xfe) && !(buffer[0] === 0xfe && buffer[1] === 0xff)) {
      fail('E_BINARY', 'looks like a binary file, not text (it holds NUL bytes)', path);
    }
    if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
    const text = buffer.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EACCES') fail('E_UNREADABLE', 'permission denied', path);
    throw error;
  }
}

function loadGrammarOption(value: string | undefined): string | object | undefined {
  if (value === undefined) return undefined;
  if (grammars.some((g) => g.id === value)) return value;
  if (/\.json$/i.test(value)) {
    const text = readInput(value);
    try {
      return JSON.parse(text) as object;
    } catch (error) {
      fail('E_GRAMMAR_INVALID', `not valid JSON: ${(error as Error).message}`, value);
    }
  }
  return value; // an unknown id: extract() reports E_GRAMMAR_UNKNOWN with the list of ids
}

function main(argv: string[]): void {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP.main);
    return;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${version}\n`);
    return;
  }
  if (command === 'grammars') {
    for (const g of grammars) process.stdout.write(`${g.id.padEnd(10)} ${String(g.rules).padStart(3)} rules  ${g.name}${g.extends.length ? ` (extends ${g.extends.join(', ')})` : ''}\n`);
    return;
  }
  if (command !== 'extract') throw new UsageError(`unknown command "${command}"; try --help`);

  let args;
  try {
    args = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { example: { type: 'boolean' }, grammar: { type: 'string' }, pretty: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (args.values.help) {
    process.stdout.write(HELP.extract);
    return;
  }
  const files = args.positionals;
  if (args.values.example ? files.length > 0 : files.length !== 1) {
    throw new UsageError(args.values.example ? '--example takes no FILE' : 'extract takes one FILE (or --example); try extract --help');
  }
  const name = args.values.example ? 'example:s004.txt' : files[0];
  const text = args.values.example ? exampleText : readInput(files[0]);
  try {
    const document = extract(text, { name, grammar: loadGrammarOption(args.values.grammar) as never });
    process.stdout.write(JSON.stringify(document, null, args.values.pretty ? 2 : undefined) + '\n');
  } catch (error) {
    if (error instanceof MinutesError) fail(error.code, error.message, name);
    throw error;
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) fail('E_USAGE', error.message);
  // Anything else is our bug: say so plainly, with no stack trace unless asked for.
  fail('E_INTERNAL', `${(error as Error).message} — please report this${process.env.DEBUG ? `\n${(error as Error).stack}` : ''}`);
}
