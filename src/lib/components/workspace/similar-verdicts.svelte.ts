import type { Match } from '$lib/search';

/** How long typing must pause before the matches are looked up again. */
export const DEBOUNCE_MS = 400;

/**
 * The similar verdicts of one claim card, looked up again (debounced) whenever the claim's
 * wording changes; an answer to an older wording that arrives late is dropped.
 */
export class SimilarVerdicts {
	items = $state<Match[]>([]);
	status = $state<'idle' | 'loading' | 'done' | 'error'>('idle');
	private timer: ReturnType<typeof setTimeout> | undefined;
	private inFlight: AbortController | undefined;
	private asked = '';

	constructor(private readonly claimId: string) {}

	/** Looks the matches of `text` up after the debounce (at once the first time). */
	request(text: string): void {
		const wanted = text.trim();
		if (wanted === this.asked && this.status !== 'error') {
			return;
		}
		clearTimeout(this.timer);
		const first = this.status === 'idle';
		this.timer = setTimeout(() => void this.load(wanted), first ? 0 : DEBOUNCE_MS);
	}

	/** Stops any pending lookup: the card closed. */
	stop(): void {
		clearTimeout(this.timer);
		this.inFlight?.abort();
	}

	private async load(text: string): Promise<void> {
		this.inFlight?.abort();
		const controller = new AbortController();
		this.inFlight = controller;
		this.asked = text;
		this.status = 'loading';
		const query = text ? `?text=${encodeURIComponent([...text].slice(0, 2000).join(''))}` : '';
		try {
			const response = await fetch(`/api/v1/claims/${this.claimId}/matches${query}`, {
				signal: controller.signal
			});
			if (!response.ok) {
				throw new Error(`HTTP ${response.status}`);
			}
			const body: { items: Match[] } = await response.json();
			this.items = body.items;
			this.status = 'done';
		} catch (err) {
			if (!controller.signal.aborted) {
				// Shown as a quiet line: matching helps, it must never stand in the way of the card.
				this.status = 'error';
				console.warn('similar verdicts', err);
			}
		}
	}
}
