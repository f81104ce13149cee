import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { newDocument } from '$lib/server/documents/input';

describe('a new document as the API takes it', () => {
	it('turns control characters in one-line fields into spaces, as a manual line break from Word', () => {
		const parsed = v.parse(newDocument, {
			title: 'Line\u000bbreak\u0000 title ',
			text: 'Some text.',
			publisher: 'Daily\tNews'
		});
		expect(parsed).toMatchObject({ title: 'Line break title', publisher: 'Daily News' });
	});
});
