// The benchmark's document: a ~100,000-character text (the sample article, then generated
// paragraphs of mixed CJK and Latin built from its words, with a few emoji), 2,000 claims on it,
// and a revision with realistic publisher edits, tracked character by character so that every
// claim's true fate is known.
import { readFileSync } from 'node:fs';

/** A deterministic random generator (mulberry32). */
export function seeded(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const latin = (
	'AI chip model export control GPU data training policy market Nvidia DeepSeek Tencent ' +
	'compute research benchmark open-source cluster semiconductor supply chain Washington ' +
	'Beijing report analysts said the of and in for with new first largest cost energy ' +
	'investment lab startup engineers rules license'
).split(' ');
const emoji = ['📈', '👍🏽', '🇹🇼', '👩‍💻'];

/**
 * Builds the fixture.
 * @param {typeof import('../../src/lib/anchoring/index.ts')} anchoring
 */
export function makeFixture(
	anchoring,
	{ seed = 20250110, length = 100_000, claimCount = 2000 } = {}
) {
	const random = seeded(seed);
	const int = (n) => Math.floor(random() * n);
	const pick = (list) => list[int(list.length)];
	const article = readFileSync(
		new URL('../../seeds/sample-article.zh-Hant.txt', import.meta.url),
		'utf8'
	)
		.normalize('NFC')
		.trim()
		.split(/\n\s*\n/)
		.map((p) => p.trim());
	const runs = article.join('').match(/[\u4e00-\u9fff]{4,}/g);
	const vocabulary = Array.from({ length: 1500 }, () => {
		const run = pick(runs);
		const size = 2 + int(3);
		const start = int(Math.max(1, run.length - size));
		return run.slice(start, start + size);
	});
	const number = () =>
		pick([
			() => `${1990 + int(40)}年`,
			() => `${int(100)}.${int(10)}%`,
			() => `${1 + int(999)}億美元`,
			() => `${1 + int(99)}萬個`,
			() => `${1 + int(12)}月${1 + int(28)}日`
		])();
	const chineseSentence = () => {
		const parts = [];
		const count = 6 + int(8);
		for (let i = 0; i < count; i++) {
			const r = random();
			parts.push(
				r < 0.68
					? pick(vocabulary)
					: r < 0.82
						? number()
						: r < 0.97
							? pick(latin)
							: r < 0.985
								? ','
								: pick(emoji)
			);
		}
		return parts.join('') + pick(['。', '。', '。', '?', '」']);
	};
	const englishSentence = () => {
		const count = 8 + int(10);
		const words = Array.from({ length: count }, () =>
			random() < 0.15 ? String(1 + int(2030)) : pick(latin)
		);
		words[0] = words[0][0].toUpperCase() + words[0].slice(1);
		return words.join(' ') + '. ';
	};
	const paragraph = () => {
		const english = random() < 0.1;
		const count = 2 + int(4);
		let text = '';
		for (let i = 0; i < count; i++) {
			text += english ? englishSentence() : chineseSentence();
		}
		return text.trim();
	};

	// The old text.
	const oldParagraphs = [...article];
	let size = article.join('\n\n').length;
	while (size < length) {
		const p = paragraph();
		oldParagraphs.push(p);
		size += p.length + 2;
	}
	const oldText = oldParagraphs.join('\n\n');
	const oldIndexed = new anchoring.IndexedText(oldText);
	const oldIndex = oldIndexed.codePoints;
	const paragraphStart = [];
	{
		let at = 0;
		for (const p of oldParagraphs) {
			paragraphStart.push(at);
			at += p.length + 2;
		}
	}
	const paragraphOf = (offset) => {
		let low = 0;
		let high = paragraphStart.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >>> 1;
			if (paragraphStart[middle] <= offset) {
				low = middle;
			} else {
				high = middle - 1;
			}
		}
		return low;
	};

	// Claims: random spans of 2 to 40 units inside one paragraph, on whole graphemes.
	const claims = [];
	while (claims.length < claimCount) {
		const at = int(oldText.length);
		const p = paragraphOf(at);
		const end = Math.min(paragraphStart[p] + oldParagraphs[p].length, at + 2 + int(39));
		if (end - at < 2 || !oldIndex.isBoundary(at) || !oldIndex.isBoundary(end)) {
			continue;
		}
		const snapped = anchoring.snapToGraphemes(
			oldIndexed,
			oldIndex.toCodePoint(at),
			oldIndex.toCodePoint(end)
		);
		const selectors = anchoring.describe(oldIndexed, snapped.start, snapped.end);
		if (selectors.quote.exact.includes('\n')) {
			continue;
		}
		const start16 = oldIndex.toUtf16(snapped.start);
		claims.push({ selectors, start16, end16: oldIndex.toUtf16(snapped.end), paragraph: p });
	}

	// The revision, each paragraph carrying the old offset of each unit (-1 for new text).
	const cell = (text, origin) => ({ text, origin, moved: false });
	let cells = oldParagraphs.map((text, i) =>
		cell(
			text,
			Array.from({ length: text.length }, (_, k) => paragraphStart[i] + k)
		)
	);
	const splice = (c, at, remove, insert) => {
		c.text = c.text.slice(0, at) + insert + c.text.slice(at + remove);
		c.origin.splice(at, remove, ...new Array(insert.length).fill(-1));
	};
	const counts = {};
	const count = (what) => (counts[what] = (counts[what] ?? 0) + 1);
	const reserved = new Set();
	const choose = (share) =>
		cells
			.map((c, i) => i)
			.filter((i) => i >= 3 && !reserved.has(i) && random() < share)
			.map((i) => (reserved.add(i), i));

	// Look-alikes: the sentence around a claim copied into a new paragraph elsewhere; for half
	// of them the original is then corrected, so the copy is the trap.
	const lookalikes = [];
	for (const claim of claims) {
		if (lookalikes.length >= 40) {
			break;
		}
		if (reserved.has(claim.paragraph) || random() > 0.05) {
			continue;
		}
		const text = oldParagraphs[claim.paragraph];
		const local = claim.start16 - paragraphStart[claim.paragraph];
		const from = Math.max(text.lastIndexOf('。', local - 1) + 1, 0);
		const dot = text.indexOf('。', claim.end16 - paragraphStart[claim.paragraph]);
		const to = dot < 0 ? text.length : dot + 1;
		reserved.add(claim.paragraph);
		lookalikes.push({
			claim,
			sentence: text.slice(from, to),
			correct: lookalikes.length % 2 === 0
		});
	}
	const deleted = new Set(choose(0.03));
	const moved = choose(0.03);
	// Edits inside paragraphs.
	// A look-alike's source paragraph gets no other edit: deleting the original of an exact copy
	// cannot be told from moving it, so the truth would be a matter of opinion.
	const sources = new Set(lookalikes.map((l) => l.claim.paragraph));
	cells.forEach((c, i) => {
		if (deleted.has(i) || sources.has(i) || i < 3) {
			return;
		}
		const r = random();
		if (r < 0.1) {
			const digits = [...c.text.matchAll(/[0-9]/g)];
			if (digits.length > 0) {
				const d = pick(digits);
				splice(c, d.index, 1, String((Number(d[0]) + 1 + int(8)) % 10));
				count('numbers corrected');
			}
		} else if (r < 0.15) {
			const chars = [...c.text.matchAll(/[\u4e00-\u9fff]/g)];
			if (chars.length > 0) {
				splice(c, pick(chars).index, 1, pick(vocabulary)[0]);
				count('typos fixed');
			}
		} else if (r < 0.2) {
			const ends = [...c.text.matchAll(/。/g)];
			const at = ends.length > 0 ? pick(ends).index + 1 : c.text.length;
			splice(c, at, 0, chineseSentence());
			count('sentences inserted');
		} else if (r < 0.23) {
			const ends = [0, ...[...c.text.matchAll(/。/g)].map((m) => m.index + 1)];
			if (ends.length > 2) {
				const k = int(ends.length - 1);
				splice(c, ends[k], ends[k + 1] - ends[k], '');
				count('sentences deleted');
			}
		} else if (r < 0.27) {
			const ends = [0, ...[...c.text.matchAll(/。/g)].map((m) => m.index + 1)];
			if (ends.length > 2) {
				const k = int(ends.length - 1);
				splice(c, ends[k], ends[k + 1] - ends[k], chineseSentence());
				count('sentences rewritten');
			}
		}
	});
	for (const { claim, correct } of lookalikes.filter((l) => l.correct)) {
		const c = cells[claim.paragraph];
		const local = c.origin.indexOf(claim.start16);
		const length = claim.end16 - claim.start16;
		const k = local + Math.floor(length / 2);
		if (correct && local >= 0 && c.origin[k] === claim.start16 + Math.floor(length / 2)) {
			const old = c.text[k];
			splice(
				c,
				k,
				1,
				/[0-9]/.test(old) ? String((Number(old) + 1) % 10) : old === '國' ? '家' : '國'
			);
			count('claims corrected, their look-alike kept');
		}
	}
	const movedCells = moved.map((i) => cells[i]);
	movedCells.forEach((c) => (c.moved = true));
	cells = cells.filter((c, i) => !deleted.has(i));
	counts['paragraphs deleted'] = deleted.size;
	for (const c of movedCells) {
		const from = cells.indexOf(c);
		cells.splice(from, 1);
		let to = from;
		while (Math.abs(to - from) < 3) {
			to = 3 + int(cells.length - 3);
		}
		cells.splice(to, 0, c);
	}
	counts['paragraphs moved'] = movedCells.length;
	const inserted = Math.round(cells.length * 0.05);
	for (let i = 0; i < inserted; i++) {
		const text = paragraph();
		cells.splice(3 + int(cells.length - 3), 0, cell(text, new Array(text.length).fill(-1)));
	}
	counts['paragraphs inserted'] = inserted;
	for (const { sentence } of lookalikes) {
		const text = `${chineseSentence()}${sentence}${chineseSentence()}`;
		cells.splice(3 + int(cells.length - 3), 0, cell(text, new Array(text.length).fill(-1)));
	}
	counts['look-alike sentences added'] = lookalikes.length;

	const newText = cells.map((c) => c.text).join('\n\n');
	const newIndexed = new anchoring.IndexedText(newText);
	const newIndex = newIndexed.codePoints;
	// Where each old unit is now, and whether its paragraph moved.
	const now = new Int32Array(oldText.length).fill(-1);
	const movedUnit = new Uint8Array(oldText.length);
	{
		let at = 0;
		for (const c of cells) {
			c.origin.forEach((o, k) => {
				if (o >= 0) {
					now[o] = at + k;
					movedUnit[o] = c.moved ? 1 : 0;
				}
			});
			at += c.text.length + 2;
		}
	}
	const truth = claims.map(({ start16, end16, selectors }) => {
		let start = now[start16];
		for (let u = start16; u < end16; u++) {
			if (start < 0 || now[u] !== start + (u - start16)) {
				// An edit next to the claim that removed or added the same character as its edge
				// (a full stop, say) leaves its words in place between unchanged neighbours.
				const after = end16 < now.length && now[end16] >= 0 ? now[end16] - (end16 - start16) : -1;
				const before = start16 > 0 && now[start16 - 1] >= 0 ? now[start16 - 1] + 1 : -1;
				start =
					[before, after].find((p) => p >= 0 && newText.startsWith(selectors.quote.exact, p)) ?? -1;
				if (start < 0) {
					return { status: 'orphaned' };
				}
				break;
			}
		}
		// A combining mark or joiner added right after would change the last character.
		if (!anchoring.isGraphemeBoundary(newIndexed, start + (end16 - start16))) {
			return { status: 'orphaned' };
		}
		return {
			status: movedUnit[start16] ? 'moved' : 'anchored',
			start: newIndex.toCodePoint(start)
		};
	});
	return { oldText, newText, claims: claims.map((c) => c.selectors), truth, edits: counts };
}
