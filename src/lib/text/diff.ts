import { diffSequences } from '$lib/anchoring/diff';

export interface DiffPart {
	kind: 'same' | 'removed' | 'added';
	text: string;
}

/** What changed from `before` to `after`, character by character, for showing to a person. */
export function diffText(before: string, after: string): DiffPart[] {
	const a = [...before];
	const b = [...after];
	const codes = (chars: string[]) => chars.map((char) => char.codePointAt(0) ?? 0);
	const runs = diffSequences(codes(a), codes(b), 1000);
	const parts: DiffPart[] = [];
	const push = (kind: DiffPart['kind'], text: string) => {
		if (text) {
			parts.push({ kind, text });
		}
	};
	let i = 0;
	let j = 0;
	for (let r = 0; r <= runs.length; r += 3) {
		const [aStart, bStart, length] =
			r < runs.length ? [runs[r], runs[r + 1], runs[r + 2]] : [a.length, b.length, 0];
		push('removed', a.slice(i, aStart).join(''));
		push('added', b.slice(j, bStart).join(''));
		push('same', a.slice(aStart, aStart + length).join(''));
		i = aStart + length;
		j = bStart + length;
	}
	return parts;
}
