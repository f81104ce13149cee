import { SvelteMap } from 'svelte/reactivity';
import { m } from '$lib/paraglide/messages';

/** One comment of a claim's thread, as the API gives it. */
export interface ThreadComment {
	id: string;
	claimId: string;
	/** The top-level comment a reply belongs to; null for a top-level comment. */
	parentId: string | null;
	author: { id: string; name: string };
	/** '' once deleted. */
	body: string;
	mentions: { id: string; name: string }[];
	deleted: boolean;
	createdAt: Date;
	editedAt: Date | null;
}

/** A top-level comment and its replies, in the order written. */
export interface Thread {
	comment: ThreadComment;
	replies: ThreadComment[];
}

/**
 * Which form an error belongs to: the new-comment box, the reply box under a comment, the edit
 * box of a comment, or the confirmation of its deletion.
 */
export type FormKey = 'new' | `reply:${string}` | `edit:${string}` | `delete:${string}`;

type Wire = Omit<ThreadComment, 'createdAt' | 'editedAt'> & {
	createdAt: string;
	editedAt: string | null;
};

/**
 * A claim's discussion, read and written through `/api/v1`. Every write reloads the thread, so
 * what is shown is what the server holds (with other people's comments since). A failure is
 * kept as a message under the form that caused it, until that form succeeds or is closed.
 */
export class Discussion {
	readonly claimId: string;
	comments = $state<ThreadComment[]>([]);
	/** True until the first load has answered. */
	loading = $state(true);
	/** Why the thread could not be loaded, or null. */
	loadError = $state<string | null>(null);
	/** The form whose request is under way, if any. */
	busy = $state<FormKey | null>(null);
	/** Why the last request of a form failed, by form. */
	readonly errors = new SvelteMap<FormKey, string>();

	threads: Thread[] = $derived(
		this.comments
			.filter((comment) => !comment.parentId)
			.map((comment) => ({
				comment,
				replies: this.comments.filter((reply) => reply.parentId === comment.id)
			}))
	);
	/** Comments not deleted, replies included. */
	count = $derived(this.comments.filter((comment) => !comment.deleted).length);

	// Answers can arrive out of order: only the latest load may set the thread.
	#loads = 0;

	constructor(claimId: string) {
		this.claimId = claimId;
	}

	/** Fetches the thread; a failure is kept in `loadError`. */
	async load(): Promise<void> {
		const load = ++this.#loads;
		try {
			const response = await fetch(`/api/v1/claims/${this.claimId}/comments`, {
				headers: { accept: 'application/json' }
			});
			if (!response.ok) {
				throw new Error(await problemMessage(response));
			}
			const { items } = (await response.json()) as { items: Wire[] };
			if (load === this.#loads) {
				this.comments = items.map(fromWire);
				this.loadError = null;
			}
		} catch (err) {
			if (load === this.#loads) {
				this.loadError = messageOf(err);
			}
		} finally {
			if (load === this.#loads) {
				this.loading = false;
			}
		}
	}

	/** Posts a comment, or a reply to `parentId`. True when it was saved. */
	add(body: string, parentId: string | null = null): Promise<boolean> {
		return this.#write(parentId ? `reply:${parentId}` : 'new', () =>
			fetch(`/api/v1/claims/${this.claimId}/comments`, json('POST', { body, parentId }))
		);
	}

	/** Rewrites one's own comment. True when it was saved. */
	edit(id: string, body: string): Promise<boolean> {
		return this.#write(`edit:${id}`, () =>
			fetch(`/api/v1/comments/${id}`, json('PATCH', { body }))
		);
	}

	/** Deletes one's own comment; its replies stay. True when it was deleted. */
	remove(id: string): Promise<boolean> {
		return this.#write(`delete:${id}`, () => fetch(`/api/v1/comments/${id}`, { method: 'DELETE' }));
	}

	/** The message to show beside `form`, if its last request failed. */
	errorOf(form: FormKey): string | undefined {
		return this.errors.get(form);
	}

	/** Forgets the failure of a form that was closed. */
	dismiss(form: FormKey): void {
		this.errors.delete(form);
	}

	async #write(form: FormKey, request: () => Promise<Response>): Promise<boolean> {
		this.busy = form;
		try {
			const response = await request();
			if (!response.ok) {
				this.errors.set(form, await problemMessage(response));
				return false;
			}
			this.errors.delete(form);
			await this.load();
			return true;
		} catch (err) {
			this.errors.set(form, messageOf(err));
			return false;
		} finally {
			this.busy = null;
		}
	}
}

function json(method: string, body: unknown): RequestInit {
	return {
		method,
		headers: { 'content-type': 'application/json', accept: 'application/json' },
		body: JSON.stringify(body)
	};
}

function fromWire(comment: Wire): ThreadComment {
	return {
		...comment,
		createdAt: new Date(comment.createdAt),
		editedAt: comment.editedAt ? new Date(comment.editedAt) : null
	};
}

/** What a problem+json answer says was wrong: the first field error, else its detail. */
async function problemMessage(response: Response): Promise<string> {
	try {
		const problem = (await response.json()) as {
			detail?: string;
			errors?: { message?: string }[];
		};
		const message = problem.errors?.[0]?.message ?? problem.detail;
		if (message) {
			return message;
		}
	} catch {
		// Not problem+json (a proxy's error page): the status is all there is.
	}
	return m.discussion_error_status({ status: response.status });
}

// fetch() rejects only when the request never got an answer.
function messageOf(err: unknown): string {
	return err instanceof TypeError
		? m.discussion_error_network()
		: String(err instanceof Error ? err.message : err);
}
