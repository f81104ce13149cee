import { beforeNavigate } from '$app/navigation';
import { onMount } from 'svelte';

/** One check per form that can hold input not saved yet: true while it does (`guard`). */
const checks = new Set<() => boolean>();

/**
 * Counts `unsaved` (true while the component's form holds input not saved yet) for as long as
 * the calling component lives. Call it while the component is made.
 */
export function guard(unsaved: () => boolean): void {
	onMount(() => {
		checks.add(unsaved);
		return () => checks.delete(unsaved);
	});
}

/** What a form holds now, to compare with what it held: different means input. */
export function fieldsOf(form: HTMLFormElement | undefined): string {
	const fields = form ? [...new FormData(form)] : [];
	return JSON.stringify(
		fields.map(([name, value]) => [name, typeof value === 'string' ? value : value.name])
	);
}

/**
 * Before leaving the page while a form holds input not saved yet: asks `question`, or, when the
 * page would unload (closed, reloaded, another site, or read again while the server is away,
 * which SvelteKit answers by loading the page anew), lets the browser ask. A move within the
 * page (its query changes) keeps the forms, and passes.
 */
export function askBeforeLeaving(question: () => string): void {
	beforeNavigate((navigation) => {
		const within =
			!navigation.willUnload && navigation.to?.url.pathname === navigation.from?.url.pathname;
		if (within || ![...checks].some((unsaved) => unsaved())) {
			return;
		}
		if (navigation.willUnload || !confirm(question())) {
			navigation.cancel();
		}
	});
}
