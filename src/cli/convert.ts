// npm run convert -- IN OUT
// Converts a dataset between JSON (ours), GraphML, GEXF and CSV, choosing formats by file extension.
// CSV out writes two tables: OUT x.csv -> x.nodes.csv and x.edges.csv; OUT nodes.csv or edges.csv -> nodes.csv and edges.csv.
// CSV in reads the edge list and, when present beside it, its pair (x.edges.csv with x.nodes.csv, edges.csv with nodes.csv).
// Prints one `wrote PATH` line per file and a `note:` line naming what a lossy format leaves out; on bad input one
// `FILE: line N: problem` line per problem, and exit 1. An output never replaces an input; a failed write leaves nothing.
import { sizeWords } from '../lib/analysis/format';
import { DATA_FORMATS, formatById, formatProblem, omissionNote } from '../lib/io/index';
import { inputFiles, outputTarget, readDatasetFromPath, writeDatasetToPath } from '../lib/io/node';
import { runCli } from './run';

const EXTENSIONS = DATA_FORMATS.flatMap((format) => format.extensions).join(', ');
const USAGE = `usage: npm run convert -- IN OUT   (formats by extension: ${EXTENSIONS})`;

function main(argv: string[]): number {
	if (argv.includes('--help') || argv.includes('-h')) {
		console.log(USAGE);
		return 0;
	}
	if (argv.length !== 2) {
		console.error(`${argv.length < 2 ? 'give an input and an output file' : 'too many arguments'}; ${USAGE}`);
		return 1;
	}
	const [input, output] = argv as [string, string];
	const target = outputTarget(output);
	if (!target) {
		console.error(`${output}: unknown output format: name it with one of ${EXTENSIONS}`);
		return 1;
	}
	const result = readDatasetFromPath(input);
	if (!result.ok) {
		for (const problem of result.problems) console.error(formatProblem(problem));
		return 1;
	}
	const { dataset } = result;
	const written = writeDatasetToPath(dataset, output, inputFiles(input));
	if (!written.ok) {
		for (const problem of written.problems) console.error(formatProblem(problem));
		return 1;
	}
	for (const path of written.written) console.log(`wrote ${path} (${sizeWords(dataset.nodes.length, dataset.edges.length)})`);
	const note = omissionNote(dataset, target.format, formatById(target.format)!.label);
	if (note) console.error(`note: ${note}`);
	return 0;
}

runCli('convert', main);
