import { isActionFailure, isHttpError, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { attempt, formData } from '$lib/server/http/form';

describe('attempt', () => {
	it('fails with 422 naming a text field that holds U+0000, before any work', async () => {
		const form = new FormData();
		form.append('id', 'abc\u0000');
		form.append('file', new Blob(['\u0000 bytes are fine in files']), 'a.txt');
		let worked = false;
		const result = await attempt(form, async () => (worked = true));
		expect(worked).toBe(false);
		expect(isActionFailure(result)).toBe(true);
		expect(result).toMatchObject({
			status: 422,
			data: { errors: [{ path: 'id', code: 'nul' }], values: { id: 'abc\u0000' } }
		});
	});
});

describe('formData', () => {
	const event = (body: string, type: string) =>
		({
			request: new Request('http://localhost/login', {
				method: 'POST',
				body,
				headers: { 'content-type': type }
			})
		}) as RequestEvent;

	it('reads a well-formed form', async () => {
		const form = await formData(event('email=a%40b.test', 'application/x-www-form-urlencoded'));
		expect(form.get('email')).toBe('a@b.test');
	});

	it('turns a form that cannot be read into a 400, not a 500', async () => {
		const cut = '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\nabc';
		for (const [body, type] of [
			[cut, 'multipart/form-data; boundary=xyz'],
			['garbage', 'multipart/form-data']
		]) {
			const err = await formData(event(body, type)).then(
				() => null,
				(e: unknown) => e
			);
			expect(isHttpError(err, 400), `${type}: ${err}`).toBe(true);
		}
	});
});
