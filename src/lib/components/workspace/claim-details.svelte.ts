import type { JSONContent } from '@tiptap/core';

/**
 * What an open claim card shows beyond the page's data: the rationale as the editor needs it
 * and the evidence list, read and changed through the JSON API (uploads need the progress
 * that only XMLHttpRequest reports).
 */

export interface EvidenceItem {
	id: string;
	kind: 'link' | 'quote' | 'file' | 'dataset' | 'statement';
	url: string | null;
	title: string;
	publisher: string;
	date: string | null;
	accessedAt: string | null;
	quote: string;
	stance: 'supports' | 'refutes' | 'context';
	note: string;
	file: { name: string; mediaType: string; size: number; url: string } | null;
	version: number;
}

/** A refusal from the API: its message, and messages per field path. */
export class Problem {
	constructor(
		readonly message: string,
		readonly fields: Record<string, string> = {},
		readonly status = 0
	) {}

	static async from(response: Response): Promise<Problem> {
		const body = await response.json().catch(() => ({}));
		return Problem.of(response.status, body);
	}

	static of(
		status: number,
		body: { detail?: string; errors?: { path: string; message: string }[] }
	) {
		const fields: Record<string, string> = {};
		for (const error of body.errors ?? []) {
			fields[error.path] ??= error.message;
		}
		return new Problem(body.detail ?? `HTTP ${status}`, fields, status);
	}
}

const jsonHeaders = { 'content-type': 'application/json' };

export class ClaimDetails {
	rationale = $state<JSONContent | null>(null);
	/** The rationale as the server's sanitiser rendered it. */
	rationaleHtml = $state('');
	evidence = $state<EvidenceItem[]>([]);
	loaded = $state(false);
	problem = $state<Problem | null>(null);
	/** 0 to 1 while a file uploads, else null. */
	progress = $state<number | null>(null);

	constructor(readonly claimId: string) {}

	/** (Re)reads the claim's rationale and evidence. */
	async load(): Promise<void> {
		const response = await fetch(`/api/v1/claims/${this.claimId}`);
		if (!response.ok) {
			this.problem = await Problem.from(response);
			return;
		}
		const body = await response.json();
		this.rationale = body.rationale;
		this.rationaleHtml = body.rationaleHtml;
		this.evidence = body.evidence;
		this.loaded = true;
		this.problem = null;
	}

	/**
	 * Adds an item; `form` holds its fields as the API names them and, for a file, the file.
	 * Resolves to null when stored, else the problem to show.
	 */
	add(form: FormData): Promise<Problem | null> {
		const file = form.get('file');
		const hasFile = file instanceof File && file.size > 0;
		if (!hasFile) {
			form.delete('file');
		}
		return new Promise((resolve) => {
			const request = new XMLHttpRequest();
			request.open('POST', `/api/v1/claims/${this.claimId}/evidence`);
			request.upload.onprogress = (event) => {
				if (hasFile && event.lengthComputable) {
					this.progress = event.loaded / event.total;
				}
			};
			request.onload = async () => {
				this.progress = null;
				if (request.status === 201) {
					await this.load();
					resolve(null);
				} else {
					resolve(Problem.of(request.status, safeJson(request.responseText)));
				}
			};
			request.onerror = () => {
				this.progress = null;
				resolve(new Problem('The connection failed; nothing was stored. Try again.'));
			};
			request.send(form);
		});
	}

	/** Changes an item's fields, from the version shown. */
	async update(item: EvidenceItem, fields: Record<string, string | null>): Promise<Problem | null> {
		const response = await fetch(`/api/v1/evidence/${item.id}`, {
			method: 'PATCH',
			headers: { ...jsonHeaders, 'if-match': `"${item.version}"` },
			body: JSON.stringify(fields)
		});
		return this.settle(response);
	}

	async remove(item: EvidenceItem): Promise<Problem | null> {
		return this.settle(await fetch(`/api/v1/evidence/${item.id}`, { method: 'DELETE' }));
	}

	/** Moves an item one place up (-1) or down (1). */
	async move(item: EvidenceItem, by: -1 | 1): Promise<Problem | null> {
		const ids = this.evidence.map((e) => e.id);
		const from = ids.indexOf(item.id);
		const to = from + by;
		if (from < 0 || to < 0 || to >= ids.length) {
			return null;
		}
		[ids[from], ids[to]] = [ids[to], ids[from]];
		const response = await fetch(`/api/v1/claims/${this.claimId}/evidence/order`, {
			method: 'PUT',
			headers: jsonHeaders,
			body: JSON.stringify({ ids })
		});
		return this.settle(response);
	}

	private async settle(response: Response): Promise<Problem | null> {
		const problem = response.ok ? null : await Problem.from(response);
		await this.load();
		return problem;
	}
}

function safeJson(text: string) {
	try {
		return JSON.parse(text);
	} catch {
		return {};
	}
}
