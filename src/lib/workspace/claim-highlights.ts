import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** A claim's span in editor positions. */
export interface HighlightRange {
	id: string;
	from: number;
	to: number;
	hue: number;
}

export interface Highlights {
	ranges: HighlightRange[];
	activeId: string | null;
}

export const highlightsKey = new PluginKey<DecorationSet>('claimHighlights');

/**
 * Claims as decorations over the source text, never marks in it: the text stays exactly as
 * imported and claims may overlap freely. Only colour and outline change, nothing that
 * takes space, so shaping (Arabic joining), CJK line breaks and emoji are untouched.
 */
function decorate(state: EditorState, { ranges, activeId }: Highlights): DecorationSet {
	return DecorationSet.create(
		state.doc,
		ranges.map((range) =>
			Decoration.inline(
				range.from,
				range.to,
				{
					class: range.id === activeId ? 'claim active' : 'claim',
					'data-claim': range.id,
					style: `--claim-hue: ${range.hue}`
				},
				{ id: range.id }
			)
		)
	);
}

/**
 * Read-only text that can still be selected with mouse and keyboard (Shift+arrows need an
 * editable element), with claim highlights set through `setHighlights`.
 */
export const ClaimHighlights = Extension.create({
	name: 'claimHighlights',

	addProseMirrorPlugins() {
		return [
			new Plugin<DecorationSet>({
				key: highlightsKey,
				state: {
					init: () => DecorationSet.empty,
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
