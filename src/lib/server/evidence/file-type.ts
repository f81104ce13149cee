/** The media types evidence files may have, by what their bytes are. */
export const FILE_TYPES = {
	'application/pdf': ['pdf'],
	'image/png': ['png'],
	'image/jpeg': ['jpg', 'jpeg'],
	'image/webp': ['webp'],
	'text/plain': ['txt', 'text', 'csv', 'tsv', 'md']
} as const;

export type FileType = keyof typeof FILE_TYPES;

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
	signature.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * What a file is, judged from its bytes alone (never its name): PDF, PNG, JPEG or WebP by their
 * signatures, plain text when it is valid UTF-8 without NUL or other binary control bytes;
 * null for anything else.
 */
export function sniff(bytes: Uint8Array): FileType | null {
	if (startsWith(bytes, ascii('%PDF-'))) {
		return 'application/pdf';
	}
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
		return 'image/png';
	}
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
		return 'image/jpeg';
	}
	if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) {
		return 'image/webp';
	}
	return isText(bytes) ? 'text/plain' : null;
}

function isText(bytes: Uint8Array): boolean {
	// Tab, line feed, form feed and carriage return are text; other C0 controls are not.
	if (
		bytes.some(
			(byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d
		)
	) {
		return false;
	}
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

/**
 * The type of an upload when its bytes are an allowed type and its name's extension agrees with
 * them (an HTML page named `photo.png` is text, not PNG, and is refused); null otherwise.
 */
export function checkedType(name: string, bytes: Uint8Array): FileType | null {
	const type = sniff(bytes);
	const extension = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
	if (!type || !extension) {
		return null;
	}
	return (FILE_TYPES[type] as readonly string[]).includes(extension) ? type : null;
}

/**
 * A file name safe to store and to send back in Content-Disposition: the last path segment,
 * NFC, without control characters, at most 200 characters.
 */
export function safeName(name: string): string {
	const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
	const printable = [...base].filter((c) => c > '\u001f' && c !== '\u007f' && c !== '"');
	const cleaned = printable.slice(-200).join('').trim();
	return cleaned.replace(/^\.+/, '') || 'file';
}
