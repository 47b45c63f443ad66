// The data model: the alliance-explorer/1 contract, parsing with every problem located, and graph conversion.
export * from './types';
export { FORMAT, EDGE_KINDS, DOMAINS, STATUSES, KNOWN_NODE_TYPES } from './vocabulary';
export { contractJsonSchema } from './schema';
export { parseDataset, validateDataset, serializeDataset, type ParseOptions } from './parse';
export { datasetToGraph, graphToDataset, type AllianceGraph } from './graph';
export { quoteCorpus, quoteStandsIn, findMisquotes, countQuotes, normalizeForQuote } from './evidence';
export { formatPath, parseJson, tooDeepAt, JsonSyntaxError, MAX_JSON_DEPTH } from './json-locate';
export { keyedRecord, objectFromFields, setField } from './records';
export { describeWeight, STRENGTH_SCALE, type StrengthStep } from './strength';
export { nameInText } from './names';
