// Import and export of datasets: JSON (ours), GraphML, GEXF 1.3 and CSV, with size and XML limits. No DOM, no Node APIs
// (node.ts, for the CLI and server, reads and writes paths).
export type { DataFormat, ExportedFile, FormatId, ImportProblem, ReadResult, SourceFile } from './types';
export { DATA_FORMATS, formatById, formatOfFileName, sniffFormat, exportDataset, exportOmissions } from './formats';
export { omissionNote } from './omissions';
export { neutraliseFormula, restoreFormula, csvCell } from './csv-cell';
export { decodeText } from './text';
export { readDatasetFile, readDatasetFiles, readDatasetBlobs, formatProblem, type BlobLike } from './read';
export { datasetView, type DatasetSelection } from './view';
export { MAX_FILE_BYTES, checkFileSize, checkXmlDeclarations } from './limits';
export { readJson, writeJson } from './json';
export { readGraphml, writeGraphml } from './graphml';
export { readGexf, writeGexf } from './gexf';
export { readCsv, writeCsv, writeNodesCsv, writeEdgesCsv, formatCsv } from './csv';
