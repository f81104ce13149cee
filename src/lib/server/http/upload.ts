import { AppError, invalid } from '$lib/server/errors';

/**
 * The text a form sends either as an uploaded file (field `file`) or pasted (field `text`):
 * the file when one was chosen, else the paste. AppError 413 when larger than `limitBytes`,
 * 400 when the file is not UTF-8, 422 (on `text`) when both are empty.
 */
export async function fileOrPaste(form: FormData, limitBytes: number): Promise<string> {
	const file = form.get('file');
	if (file instanceof File && file.size > 0) {
		if (file.size > limitBytes) {
			throw new AppError(
				413,
				`The file may be at most ${limitBytes} bytes.`,
				[],
				{},
				{
					code: 'too_large'
				}
			);
		}
		try {
			return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
		} catch {
			throw new AppError(400, 'The file is not UTF-8 text.', [], {}, { code: 'not_utf8' });
		}
	}
	const pasted = form.get('text');
	const text = typeof pasted === 'string' ? pasted.trim() : '';
	if (!text) {
		throw invalid('text', 'non_empty', 'Choose a file or paste the JSON first.');
	}
	if (new TextEncoder().encode(text).byteLength > limitBytes) {
		throw new AppError(
			413,
			`The pasted text may be at most ${limitBytes} bytes.`,
			[],
			{},
			{
				code: 'too_large'
			}
		);
	}
	return text;
}
