// The contract's fixed words (its format name, the tie kinds, fields, statuses and known node types) and its date
// form, without zod: the page reads these as it starts, and loads the schema itself only to check a dataset.
export const FORMAT = 'alliance-explorer/1';

export const EDGE_KINDS = ['cooperation', 'friction'] as const;
export const DOMAINS = ['diplomacy', 'defense', 'economics'] as const;
export const STATUSES = ['active', 'stalled', 'proposed'] as const;
/** Node types with their own style; any other non-empty string is allowed and drawn neutrally. */
export const KNOWN_NODE_TYPES = ['state', 'institution', 'agreement', 'event'] as const;

/** ISO 8601 calendar date at year, year-month or day precision: 2014, 2014-06, 2014-06-30. */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
