// npm run validate -- FILE... [--source ID=TEXTFILE]...
// Prints `OK FILE (N nodes, M edges, Q quotes)` per valid file, or one `FILE: place: message` line per problem; exit 1 on
// any. Reads our JSON, GraphML, GEXF and CSV, as analyze does.
import { basename } from 'node:path';
import { count, sizeWords } from '../lib/analysis/format';
import { formatOfFile } from '../lib/io/formats';
import { inputFiles, readDatasetFromPath, readTextFile } from '../lib/io/node';
import { formatProblem } from '../lib/io/read';
import { countQuotes, findMisquotes, parseDataset, quoteCorpus } from '../lib/model/index';
import { runCli } from './run';

const USAGE = 'usage: npm run validate -- FILE... [--source ID=TEXTFILE]...';

interface Arguments {
	files: string[];
	sourceTexts: Map<string, string[]>;
}

function readArguments(argv: string[]): Arguments | string {
	const files: string[] = [];
	const sourceTexts = new Map<string, string[]>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--help' || arg === '-h') return USAGE;
		if (arg === '--source' || arg.startsWith('--source=')) {
			const spec = arg === '--source' ? argv[++i] : arg.slice('--source='.length);
			const match = spec ? /^([^=]+)=(.+)$/.exec(spec) : null;
			if (!match) return `--source wants ID=TEXTFILE (for example --source brief=brief.txt); ${USAGE}`;
			sourceTexts.set(match[1]!, [...(sourceTexts.get(match[1]!) ?? []), match[2]!]);
		} else if (arg.startsWith('--')) return `unknown option ${arg}; ${USAGE}`;
		else files.push(arg);
	}
	return files.length ? { files, sourceTexts } : `no file given; ${USAGE}`;
}

/** Reads a regular file for the user, or says in one line why it cannot be read. */
function readText(file: string): { text: string } | { error: string } {
	const read = readTextFile(file);
	return 'message' in read ? { error: formatProblem(read) } : read;
}

function main(argv: string[]): number {
	const args = readArguments(argv);
	if (typeof args === 'string') {
		if (args === USAGE) console.log(USAGE);
		else console.error(args);
		return args === USAGE ? 0 : 1;
	}
	const corpora = new Map<string, { corpus: string; names: string }>();
	for (const [id, paths] of args.sourceTexts) {
		const texts: string[] = [];
		for (const path of paths) {
			const read = readText(path);
			if ('error' in read) {
				console.error(read.error);
				return 1;
			}
			texts.push(read.text);
		}
		corpora.set(id, { corpus: quoteCorpus(texts), names: paths.join(' + ') });
	}

	let failed = false;
	for (const file of args.files) {
		const read = readText(file);
		if ('error' in read) {
			console.log(read.error);
			failed = true;
			continue;
		}
		// Our JSON is checked against the curated contract, each problem at its field. GraphML, GEXF and CSV are read as
		// the page imports them and analyze reads them (a CSV with its partner table; ties need no domain or evidence
		// there), each problem at its line, and the OK line says so.
		const format = formatOfFile(file, read.text);
		const imported = format && format.id !== 'json' ? format.label : null;
		const result = imported ? readDatasetFromPath(file, read.text) : parseDataset(read.text);
		if (!result.ok) {
			for (const problem of result.problems) console.log('file' in problem ? formatProblem(problem) : `${file}: ${problem.path}: ${problem.message}`);
			failed = true;
			continue;
		}
		const { dataset } = result;
		const sourceIds = new Set((dataset.sources ?? []).map((s) => s.id));
		let misquoted = 0;
		for (const [id, { corpus, names }] of corpora) {
			if (!sourceIds.has(id)) {
				console.log(`${file}: sources: no source with id "${id}" (given with --source)`);
				misquoted++;
				continue;
			}
			for (const { path } of findMisquotes(dataset, id, corpus).misquoted) {
				console.log(`${file}: ${path}: not verbatim in ${names}`);
				misquoted++;
			}
		}
		if (misquoted) {
			failed = true;
			continue;
		}
		const checked = corpora.size ? `, quotes from ${[...corpora.keys()].join(', ')} verbatim` : '';
		// A CSV names the tables read: one alone (an edge list) or both.
		const readAs = format?.id === 'csv' ? `CSV (${inputFiles(file).map((path) => basename(path)).join(' and ')})` : imported;
		const as = readAs ? `read as ${readAs}, as the page imports it: ` : '';
		console.log(`OK ${file} (${as}${sizeWords(dataset.nodes.length, dataset.edges.length)}, ${count(countQuotes(dataset), 'quote')}${checked})`);
	}
	return failed ? 1 : 0;
}

runCli('validate', main);
