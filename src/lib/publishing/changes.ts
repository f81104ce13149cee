/**
 * What changed from one published version to the next, claim by claim, for readers of a
 * corrected fact-check. Pure: it compares two snapshots.
 */

export interface VersionClaim {
	id: string;
	exact: string;
	claimText: string;
	rating: { key: string; labels: Record<string, string> } | null;
	rationaleHtml: string;
	evidence: {
		id: string;
		title: string;
		url: string | null;
		quote: string;
		stance: string;
		note: string;
	}[];
}

export interface VersionSnapshot {
	title: string;
	revision: number;
	text: string;
	claims: VersionClaim[];
}

export interface ClaimChange {
	claim: VersionClaim;
	/** The claim in the earlier version, when it was there. */
	before: VersionClaim | null;
	kind: 'added' | 'removed' | 'changed';
	rating: boolean;
	rationale: boolean;
	evidence: { added: number; removed: number; changed: number };
	wording: boolean;
}

export interface VersionChanges {
	title: boolean;
	/** The source text was revised between the versions. */
	text: { from: number; to: number } | null;
	claims: ClaimChange[];
}

const evidenceKey = (e: VersionClaim['evidence'][number]) =>
	JSON.stringify([e.title, e.url, e.quote, e.stance, e.note]);

/** The changes from `before` to `after`; claims that did not change are left out. */
export function versionChanges(before: VersionSnapshot, after: VersionSnapshot): VersionChanges {
	const earlier = new Map(before.claims.map((claim) => [claim.id, claim]));
	const later = new Set(after.claims.map((claim) => claim.id));
	const claims: ClaimChange[] = [];
	for (const claim of after.claims) {
		const was = earlier.get(claim.id) ?? null;
		if (!was) {
			claims.push({ claim, before: null, kind: 'added', ...nothing });
			continue;
		}
		const old = new Map(was.evidence.map((e) => [e.id, evidenceKey(e)]));
		const now = new Map(claim.evidence.map((e) => [e.id, evidenceKey(e)]));
		const evidence = {
			added: [...now.keys()].filter((id) => !old.has(id)).length,
			removed: [...old.keys()].filter((id) => !now.has(id)).length,
			changed: [...now].filter(([id, key]) => old.has(id) && old.get(id) !== key).length
		};
		const change = {
			claim,
			before: was,
			kind: 'changed' as const,
			rating: (was.rating?.key ?? null) !== (claim.rating?.key ?? null),
			rationale: was.rationaleHtml !== claim.rationaleHtml,
			evidence,
			wording: was.exact !== claim.exact || was.claimText !== claim.claimText
		};
		if (
			change.rating ||
			change.rationale ||
			change.wording ||
			evidence.added + evidence.removed + evidence.changed > 0
		) {
			claims.push(change);
		}
	}
	for (const claim of before.claims.filter((c) => !later.has(c.id))) {
		claims.push({ claim, before: claim, kind: 'removed', ...nothing });
	}
	return {
		title: before.title !== after.title,
		text:
			before.revision !== after.revision || before.text !== after.text
				? { from: before.revision, to: after.revision }
				: null,
		claims
	};
}

const nothing = {
	rating: false,
	rationale: false,
	evidence: { added: 0, removed: 0, changed: 0 },
	wording: false
};
