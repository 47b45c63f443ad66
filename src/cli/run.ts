// The one way a command ends: the exit code its main returns, or, on any failure it did not foresee (a throw, a
// rejected promise, an error raised later on the event loop), one line on stderr and exit code 1. Never a stack trace.
import { fileProblem } from '../lib/io/node';
import { formatProblem } from '../lib/io/read';

/** An unforeseen failure as one line: a file-system error names its path; anything else gives its first line. */
export function failureLine(command: string, error: unknown): string {
	const errno = error as NodeJS.ErrnoException | undefined;
	if (errno && typeof errno.code === 'string' && typeof errno.path === 'string') return formatProblem(fileProblem(errno.path, errno));
	const message = error instanceof Error ? error.message : String(error);
	return `${command}: failed: ${message.split('\n', 1)[0]!.trim() || (error instanceof Error ? error.name : 'unknown error')}`;
}

/** Runs a command's main with process.argv's arguments and sets the exit code; see the header for failures. */
export function runCli(command: string, main: (argv: string[]) => number | Promise<number>): void {
	const fail = (error: unknown) => {
		console.error(failureLine(command, error));
		process.exit(1);
	};
	process.on('uncaughtException', fail);
	process.on('unhandledRejection', fail);
	// A reader that stops early (`| head`) closes the pipe: that is the reader's choice, not a failure to report.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? process.exit(process.exitCode ?? 0) : fail(error)));
	new Promise<number>((resolve) => resolve(main(process.argv.slice(2)))).then((code) => {
		process.exitCode = code;
	}, fail);
}
