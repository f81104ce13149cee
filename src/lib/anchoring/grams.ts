/**
 * Positions of every run of `size` UTF-16 units (an n-gram) of a text, in buckets by hash:
 * built in O(n), looked up in O(hits). Used to find where an approximate match can be before
 * verifying it, instead of scanning the whole text for every quote.
 */
export class GramIndex {
	private readonly text: string;
	private readonly size: number;
	private readonly mask: number;
	/** Bucket b holds positions[starts[b] .. starts[b + 1]), ascending. */
	private readonly starts: Int32Array;
	private readonly positions: Int32Array;

	constructor(text: string, size: number) {
		this.text = text;
		this.size = size;
		const count = Math.max(0, text.length - size + 1);
		let buckets = 1024;
		while (buckets < count) {
			buckets *= 2;
		}
		this.mask = buckets - 1;
		const hashes = new Int32Array(count);
		this.starts = new Int32Array(buckets + 1);
		for (let i = 0; i < count; i++) {
			hashes[i] = this.hash(text, i);
			this.starts[hashes[i] + 1]++;
		}
		for (let b = 0; b < buckets; b++) {
			this.starts[b + 1] += this.starts[b];
		}
		const next = this.starts.slice(0, buckets);
		this.positions = new Int32Array(count);
		for (let i = 0; i < count; i++) {
			this.positions[next[hashes[i]]++] = i;
		}
	}

	/** Calls `found` with every position where `pattern.slice(at, at + size)` occurs. */
	forEach(pattern: string, at: number, found: (position: number) => void): void {
		const bucket = this.hash(pattern, at);
		const gram = pattern.slice(at, at + this.size);
		for (let i = this.starts[bucket]; i < this.starts[bucket + 1]; i++) {
			const position = this.positions[i];
			if (this.text.startsWith(gram, position)) {
				found(position);
			}
		}
	}

	private hash(source: string, at: number): number {
		let hash = 0;
		for (let i = 0; i < this.size; i++) {
			hash = Math.imul(hash ^ source.charCodeAt(at + i), 0x9e3779b1);
		}
		return (hash ^ (hash >>> 15)) & this.mask;
	}
}
