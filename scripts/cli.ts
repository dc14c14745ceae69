import { isAppError } from '../lib/errors';

/** A mistake in how the command was called: print it with the usage, exit 2. */
export class CliError extends Error {}

/** Runs a command's body with one way of reporting failure: a clear line on stderr and an exit code. */
export function runCli(usage: string, body: () => Promise<number | void>): void {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(usage);
    return;
  }
  body().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      if (error instanceof CliError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
        console.error(`${error.message}\n\n${usage}`);
        process.exitCode = 2;
      } else if (isAppError(error)) {
        console.error(error.message);
        process.exitCode = 1;
      } else {
        console.error(error);
        process.exitCode = 1;
      }
    },
  );
}
