// What the API tests make (the contract walk, the permission matrix): documents brought to each
// state of the review workflow, step by step as a newsroom takes them, and another
// fact-checker's ClaimReview. Who sends each step is the caller's choice of person per role.

/** Who takes a step: an editor writes and submits, a reviewer decides and publishes, an admin retracts. */
export type Step = 'editor' | 'reviewer' | 'admin';

/**
 * Sends one API request as `as` to `path` (under /api/v1) and returns its JSON answer (null for
 * 204); fails the test unless the answer is a success. `T` is what the caller reads answers as.
 */
export type FlowCall<T> = (
	as: Step,
	method: 'post' | 'patch' | 'delete',
	path: string,
	json?: unknown,
	headers?: Record<string, string>
) => Promise<T>;

export const text = 'Growth was 5% 📈 this year.\n\nUnemployment fell to 3%, the ministry said.';
export const rationale = {
	type: 'doc',
	content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The office says 4%.' }] }]
};

export interface Created {
	id: string;
	version: number;
}
export interface Doc {
	id: string;
	slug: string;
}

/**
 * The workflow's steps, and documents made and brought to a state with them. What they return
 * is the API's answer, read as the caller reads answers (`T`), with the fields used here.
 */
export function reviewFlow<T>(call: FlowCall<T>) {
	const draft = async (title = 'Contract') =>
		(await call('editor', 'post', '/documents', { title, text })) as T & Doc;
	const claimOn = async (documentId: string, exact = '📈 this year') =>
		(await call('editor', 'post', `/documents/${documentId}/claims`, {
			selector: [{ type: 'TextQuoteSelector', exact }]
		})) as T & Created;
	/** A claim with everything a submission needs: rating, rationale and evidence. */
	const completeClaimOn = async (documentId: string) => {
		const claim = await claimOn(documentId);
		await call(
			'editor',
			'patch',
			`/claims/${claim.id}`,
			{ rating: 'mostly_false', rationale },
			{ 'if-match': `"${claim.version}"` }
		);
		const evidence = (await call('editor', 'post', `/claims/${claim.id}/evidence`, {
			kind: 'link',
			url: 'https://example.org/stats',
			stance: 'refutes'
		})) as T & Created;
		return { claim, evidence };
	};
	const submit = (id: string) => call('editor', 'post', `/documents/${id}/submit`);
	const approve = (id: string) =>
		call('reviewer', 'post', `/documents/${id}/review`, { decision: 'approve' });
	/** Publishes an approved document; the slug of its public page. */
	const publish = async (id: string) => {
		const { url } = (await call('reviewer', 'post', `/documents/${id}/publish`, {})) as {
			url: string;
		};
		return decodeURIComponent(url.split('/').pop() ?? '');
	};
	const retract = (id: string, reason = 'The source was forged.') =>
		call('admin', 'post', `/documents/${id}/retract`, { reason });

	const inReview = async (title?: string) => {
		const doc = await draft(title);
		const { claim, evidence } = await completeClaimOn(doc.id);
		await submit(doc.id);
		return { ...doc, claim, evidence };
	};
	const approved = async (title?: string) => {
		const doc = await inReview(title);
		await approve(doc.id);
		return doc;
	};
	const published = async (title?: string) => {
		const doc = await approved(title);
		return { ...doc, slug: await publish(doc.id) };
	};
	return {
		draft,
		claimOn,
		completeClaimOn,
		submit,
		approve,
		publish,
		retract,
		inReview,
		approved,
		published
	};
}

/** Another fact-checker's ClaimReview, at an address of its own, to keep as a reference. */
export function claimReview() {
	const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
	return {
		'@context': 'https://schema.org',
		'@type': 'ClaimReview',
		url: `https://checks.example.org/growth-${unique}`,
		claimReviewed: 'Growth was 5% this year.',
		author: { '@type': 'Organization', name: 'Example Checks' },
		reviewRating: {
			'@type': 'Rating',
			ratingValue: 2,
			bestRating: 5,
			worstRating: 1,
			alternateName: 'Mostly false'
		}
	};
}
