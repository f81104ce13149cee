import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** A claim's span in editor positions. */
export interface HighlightRange {
	id: string;
	from: number;
	to: number;
	/** One of the TONES highlight colours, from 0 (`.tone-N` in SourceText). */
	tone: number;
}

/** How many highlight colours there are: neighbouring claims take the next one. */
export const TONES = 8;

/** Someone else's selection, in editor positions. */
export interface OtherSelection {
	from: number;
	to: number;
	color: string;
	label: string;
}

export interface Highlights {
	ranges: HighlightRange[];
	activeId: string | null;
	others: OtherSelection[];
}

export const highlightsKey = new PluginKey<DecorationSet>('claimHighlights');

/**
 * Claims as decorations over the source text, never marks in it: the text stays exactly as
 * imported and claims may overlap freely. ProseMirror merges overlapping inline decorations
 * into one element, so the text is cut at every claim boundary and each piece says which claims
 * cover it: its colour deepens with their number (up to four) and a click picks the innermost.
 * Only colour and lines change, nothing that takes space, so Arabic joining, CJK line breaks and
 * emoji are untouched.
 */
export function segments(ranges: readonly HighlightRange[]) {
	const cuts = [...new Set(ranges.flatMap((range) => [range.from, range.to]))].sort(
		(a, b) => a - b
	);
	const byStart = [...ranges].sort((a, b) => a.from - b.from);
	const open: HighlightRange[] = [];
	const pieces: { from: number; to: number; covering: HighlightRange[] }[] = [];
	let next = 0;
	for (let i = 0; i < cuts.length - 1; i++) {
		const [from, to] = [cuts[i], cuts[i + 1]];
		while (next < byStart.length && byStart[next].from <= from) {
			open.push(byStart[next++]);
		}
		const covering = open.filter((range) => range.to >= to);
		open.splice(0, open.length, ...covering);
		if (covering.length > 0) {
			pieces.push({ from, to, covering });
		}
	}
	return pieces;
}

function decorate(state: EditorState, { ranges, activeId, others }: Highlights): DecorationSet {
	// Others' selections in their colours: a tint and a line along the top, colour only too.
	const selections = others
		.filter(({ from, to }) => from < to && to <= state.doc.content.size)
		.map(({ from, to, color, label }) =>
			Decoration.inline(from, to, {
				class: 'other-selection',
				title: label,
				style: `--person: ${color}`
			})
		);
	return DecorationSet.create(state.doc, [
		...selections,
		...segments(ranges).map(({ from, to, covering }) => {
			const innermost = covering.reduce((a, b) => (b.to - b.from < a.to - a.from ? b : a));
			const active = covering.some((range) => range.id === activeId);
			// Classes rather than an inline style: thousands of pieces then share their styles.
			const depth = Math.min(covering.length, 4);
			return Decoration.inline(from, to, {
				class: `claim tone-${innermost.tone} depth-${depth}${active ? ' active' : ''}`,
				'data-claim': innermost.id,
				'data-claims': covering.map((range) => range.id).join(' ')
			});
		})
	]);
}

/**
 * Read-only text that can still be selected with mouse and keyboard (Shift+arrows need an
 * editable element), with claim highlights: `initial` ones (see `opening`), then those a
 * transaction sets as `highlightsKey` meta.
 */
export const ClaimHighlights = Extension.create<{
	initial: ((state: EditorState) => DecorationSet) | null;
}>({
	name: 'claimHighlights',

	addOptions() {
		return { initial: null };
	},

	addProseMirrorPlugins() {
		const { initial } = this.options;
		return [
			new Plugin<DecorationSet>({
				key: highlightsKey,
				state: {
					init: (_config, state) => initial?.(state) ?? DecorationSet.empty,
					apply: (tr, set, _old, state) => {
						const highlights = tr.getMeta(highlightsKey) as Highlights | undefined;
						return highlights ? decorate(state, highlights) : set.map(tr.mapping, tr.doc);
					}
				},
				props: {
					decorations: (state) => highlightsKey.getState(state),
					handleTextInput: () => true,
					handlePaste: () => true,
					handleDrop: () => true
				},
				// The source text is never edited here.
				filterTransaction: (tr) => !tr.docChanged
			})
		];
	}
});

/**
 * The text drawn once, already highlighted. Tiptap draws the text before it adds its extensions'
 * plugins, and adding thousands of highlights then would redraw every paragraph: so the first
 * drawing takes them from `decorations` (for the editor's `editorProps`), and the plugin starts
 * from the very same set, which leaves the view nothing to change.
 */
export function opening(initial: Highlights) {
	let drawn: DecorationSet | undefined;
	const first = (state: EditorState) => (drawn ??= decorate(state, initial));
	return {
		extension: ClaimHighlights.configure({ initial: first }),
		decorations: (state: EditorState) => (highlightsKey.getState(state) ? null : first(state))
	};
}
