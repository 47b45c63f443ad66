// Network analysis of a Dataset, no DOM: layers, every centrality equal to networkx, the broker's report, structural
// balance, communities, paths, what-if and scenarios. Each returns plain, JSON-ready data a component can show.
export {
	TIE_KINDS,
	STRENGTHS,
	defaultLayer,
	layerGraph,
	edgeInLayer,
	kindInLayer,
	describeLayer,
	describeProjection,
	formatPartialDate,
	type TieKind,
	type Strength,
	type LayerSpec,
	type LayerRestriction,
	type LayerGraph,
	type LayerTie
} from './layer';
export { toCsr, type Csr } from './csr';
export {
	METRICS,
	METRIC_IDS,
	METRIC_PARAMETERS,
	metricDescriptor,
	blankMetrics,
	computeMetrics,
	computeMetricArrays,
	metricsByNode,
	type MetricId,
	type MetricDescriptor,
	type MetricParameterId,
	type NodeMetrics,
	type BlankMetric,
	type LayerMetrics,
	type ComputeOptions
} from './metrics';
export { metricsCsv } from './metrics-csv';
export { degreeCentrality, weightedDegree } from './degree';
export { eigenvectorCentrality, type EigenvectorOptions } from './eigenvector';
export { pagerank, type PageRankOptions } from './pagerank';
export { pathCentrality, accumulatePathCentrality, splitSources, type PathCentrality, type PathPartial } from './path-centrality';
export { constraint, effectiveSize, gouldFernandez, BROKERAGE_ROLES, type BrokerageRole, type BrokerageCounts } from './brokerage';
export { brokerReport, brokerLayer, brokerLayerOf, rankOf, componentCount, type BrokerReport, type BrokerLayer, type BrokerOptions, type BrokerPartial, type BridgedPair, type AffectedPair, type MetricRank } from './broker';
export { bridgeReport, bridgeHighlight, isFacilitation, FACILITATION_RELATIONS, type BridgeReport, type BridgeScenario, type BridgeSlice, type BridgeForum } from './bridge';
export { formatMetric, formatShare, ordinal, count } from './format';
export { bridgeStory, storyText, verdictOf, type BridgeStory, type StoryPart, type Verdict } from './bridge-story';
export { GLOSSARY, glossaryEntry, type GlossaryEntry } from './glossary';
export { readLayerParams, writeLayerParams, LAYER_PARAMS, type ParamSource } from './layer-params';
export { fullAnalysis, type FullAnalysis, type FullAnalysisOptions } from './full-analysis';
export { structuralBalance, type BalanceReport, type SignedTriangle, type SignedSide, type Sign } from './balance';
export { louvainCommunities, type Communities, type CommunityOptions } from './communities';
export { describePath, shortestPath, shortestPathOnLayer, tieIndex, type ShortestPath, type PathStep } from './paths';
export { whatIf, whatIfRestriction, type Removal, type WhatIfResult } from './whatif';
export { compareMetrics, type ComparisonRow, type MetricChange } from './compare';
export { currentTies, withProposals, scenarioMeasures, compareScenarios, type ScenarioOptions, type ScenarioComparison, type PairDistance } from './scenarios';
export { seededRandom } from './random';
