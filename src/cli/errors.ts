/** Turning read errors into the codes the CLI and the batch index report. */
import { MinutesError } from '../errors.js';
import { InputError } from '../inputs/types.js';

export interface ErrorRecord {
  code: string;
  message: string;
}

export function errorRecord(error: unknown): ErrorRecord {
  if (error instanceof InputError || error instanceof MinutesError) return { code: error.code, message: error.message };
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return { code: 'E_NOT_FOUND', message: 'no such file (it may have been moved or deleted)' };
    case 'EACCES':
    case 'EPERM':
      return { code: 'E_UNREADABLE', message: 'permission denied' };
    case 'EISDIR':
      return { code: 'E_IS_DIRECTORY', message: 'is a directory, not a file' };
    default:
      return { code: 'E_INTERNAL', message: `${e?.message ?? String(error)} — please report this` };
  }
}
