/**
 * Search for every script: the pure half, shared by the server (indexing, queries, snippets)
 * and the browser. See tokens.ts for how text is cut into terms.
 */
export {
	anyQuery,
	claimTerms,
	findingTerms,
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

/** A previously published verdict on a claim like the one being checked. */
export interface Match {
	/** Ours (a published fact-check) or imported from another fact-checker. */
	source: 'factmark' | 'external';
	id: string;
	claim: string;
	/** The claim's language (BCP 47), for its `lang`; may be empty for imported ones. */
	language: string;
	claimant: string;
	rating: { label: string; color: string | null };
	/** The other fact-checker's name; null for ours. */
	publisher: string | null;
	/** The fact-check's title (ours), or the reviewed item's address (external). */
	title: string;
	date: string | null;
	url: string;
	retracted: boolean;
	/** How alike the two claims are, 0 to 1 (see `similarity`). */
	similarity: number;
}
