/**
 * Search for every script: the pure half, shared by the server (indexing, queries, snippets)
 * and the browser. See tokens.ts for how text is cut into terms.
 */
export {
	anyQuery,
	claimTerms,
	MATCH_TERMS,
	MAX_QUERY_LENGTH,
	MAX_VECTOR_BYTES,
	pairQuery,
	parseQuery,
	searchTerms,
	TermBudget,
	type SearchQuery
} from './terms';
export { escapeHtml, matches, roughStem, similarity, snippet } from './snippet';
export { bigrams, isCjk, runs, type Run, type Unit } from './tokens';
