import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import * as audit from '$lib/server/audit';
import * as claims from '$lib/server/claims';
import { isUuid, type Database } from '$lib/server/db';
import { evidence, evidenceFile, publishedVersion } from '$lib/server/db/schema';
import * as documents from '$lib/server/documents';
import { assertPermutation } from '$lib/server/order';
import { AppError, invalid, notFound } from '$lib/server/errors';
import { checkedType, MAX_FILE_BYTES, safeName } from './file-type';
import { newEvidence, type EvidencePatch, type NewEvidence } from './input';
import * as v from 'valibot';

export type Evidence = typeof evidence.$inferSelect;

export interface Upload {
	name: string;
	bytes: Uint8Array;
}

export interface EvidenceFile {
	id: string;
	name: string;
	mediaType: string;
	size: number;
}

/** An evidence item as the API shows it; `file` names the upload, served at its `url`. */
export function toJson(row: Evidence, file: EvidenceFile | null) {
	return {
		id: row.id,
		claimId: row.claimId,
		position: row.position,
		kind: row.kind,
		url: row.url,
		title: row.title,
		publisher: row.publisher,
		date: row.date,
		accessedAt: row.accessedAt,
		quote: row.quote,
		stance: row.stance,
		note: row.note,
		file: file && {
			id: file.id,
			name: file.name,
			mediaType: file.mediaType,
			size: file.size,
			url: `/api/v1/evidence/${row.id}/file`
		},
		version: row.version,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt
	};
}

const fileColumns = {
	id: evidenceFile.id,
	name: evidenceFile.name,
	mediaType: evidenceFile.mediaType,
	size: evidenceFile.size
};

/** A claim's evidence in its order, each with its file's description (not its bytes). */
export async function list(db: Database, claimId: string) {
	const rows = await db
		.select({ evidence, file: fileColumns })
		.from(evidence)
		.leftJoin(evidenceFile, eq(evidenceFile.id, evidence.fileId))
		.where(eq(evidence.claimId, claimId))
		.orderBy(asc(evidence.position), asc(evidence.createdAt));
	return rows.map((row) => toJson(row.evidence, row.file));
}

/** One evidence item; AppError 404 when there is none. */
export async function get(db: Database, id: string): Promise<Evidence> {
	const [row] = isUuid(id) ? await db.select().from(evidence).where(eq(evidence.id, id)) : [];
	if (!row) {
		throw notFound('No such evidence.');
	}
	return row;
}

/** The claim and its document, when evidence may change now. AppError 404 or 409. */
async function editableClaim(db: Database, claimId: string) {
	const found = await claims.get(db, claimId);
	documents.assertEditable(await documents.get(db, found.documentId));
	return found;
}

function withClaim<T extends { after: object }>(change: T, claimId: string) {
	return { ...change, after: { ...change.after, claimId } };
}

/** What the audit log keeps of an item. */
function snapshot(row: Evidence, fileName?: string) {
	return {
		kind: row.kind,
		stance: row.stance,
		url: row.url,
		title: row.title,
		publisher: row.publisher,
		date: row.date,
		accessedAt: row.accessedAt,
		quote: row.quote,
		note: row.note,
		position: row.position,
		...(fileName === undefined ? {} : { fileName })
	};
}

/**
 * Adds an evidence item at the end of a claim's list. A `file` item needs an upload of at most
 * 10 MB whose bytes are PDF, PNG, JPEG, WebP or plain text and agree with its name; the file
 * and the item are stored in one transaction. AppError 404, 409 (in review), 413 or 422.
 */
export async function create(
	db: Database,
	claimId: string,
	input: NewEvidence,
	upload: Upload | null,
	actorId: string
) {
	const found = await editableClaim(db, claimId);
	if (input.kind === 'file' && !upload) {
		throw invalid(
			'file',
			'missing',
			'A file item needs a file: send multipart/form-data with a file part.'
		);
	}
	if (input.kind !== 'file' && upload) {
		throw invalid('file', 'unexpected', 'Only evidence of kind file carries a file.');
	}
	const file = upload && checkFile(upload);
	return db.transaction(async (tx) => {
		const [stored] = file
			? await tx
					.insert(evidenceFile)
					.values({ ...file, createdBy: actorId })
					.returning(fileColumns)
			: [null];
		const [row] = await tx
			.insert(evidence)
			.values({
				...input,
				claimId: found.id,
				fileId: stored?.id ?? null,
				position: sql`(select coalesce(max(${evidence.position}), 0) + 1 from ${evidence} where ${evidence.claimId} = ${found.id})`,
				createdBy: actorId,
				updatedBy: actorId
			})
			.returning();
		await documents.touch(tx, found.documentId);
		await audit.record(tx, {
			documentId: found.documentId,
			entity: 'evidence',
			entityId: row.id,
			action: 'create',
			actorId,
			after: { claimId: found.id, ...snapshot(row, stored?.name) }
		});
		return toJson(row, stored);
	});
}

function checkFile(upload: Upload) {
	if (upload.bytes.byteLength > MAX_FILE_BYTES) {
		throw new AppError(413, 'A file has at most 10 MB.');
	}
	if (upload.bytes.byteLength === 0) {
		throw invalid('file', 'empty', 'The file is empty.');
	}
	const name = safeName(upload.name);
	const mediaType = checkedType(name, upload.bytes);
	if (!mediaType) {
		throw invalid(
			'file',
			'type',
			'A file is a PDF, PNG, JPEG, WebP or plain text, and its name ends as its content is.'
		);
	}
	return {
		name,
		mediaType,
		size: upload.bytes.byteLength,
		sha256: createHash('sha256').update(upload.bytes).digest('hex'),
		bytes: upload.bytes
	};
}

/**
 * Changes an item's fields (not its kind or file). `version` must be current: AppError 412
 * otherwise; 404, 409 (in review), 422 when the result lacks what its kind needs.
 */
export async function update(
	db: Database,
	id: string,
	version: number,
	patch: EvidencePatch,
	actorId: string
) {
	const current = await get(db, id);
	const found = await editableClaim(db, current.claimId);
	const merged = { ...snapshot(current), ...patch };
	const checked = v.safeParse(newEvidence, {
		kind: merged.kind,
		stance: merged.stance,
		url: merged.url,
		quote: merged.quote
	});
	if (!checked.success) {
		const issue = checked.issues[0];
		throw invalid(v.getDotPath(issue) ?? '', 'needed', issue.message);
	}
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(evidence)
			.set({
				...patch,
				updatedBy: actorId,
				updatedAt: new Date(),
				version: sql`${evidence.version} + 1`
			})
			.where(and(eq(evidence.id, id), eq(evidence.version, version)))
			.returning();
		if (!row) {
			throw new AppError(412, 'Someone changed this evidence meanwhile; reload it and try again.');
		}
		await documents.touch(tx, found.documentId);
		await audit.record(tx, {
			documentId: found.documentId,
			entity: 'evidence',
			entityId: id,
			action: 'update',
			actorId,
			// The claim rides along, so that the history can say which claim's evidence changed.
			...withClaim(audit.difference(snapshot(current), snapshot(row)), current.claimId)
		});
		const [file] = row.fileId
			? await tx.select(fileColumns).from(evidenceFile).where(eq(evidenceFile.id, row.fileId))
			: [null];
		return toJson(row, file);
	});
}

/**
 * Removes an item, and its file unless a published version may show it; the audit log keeps
 * what it was. AppError 404 or 409.
 */
export async function remove(db: Database, id: string, actorId: string): Promise<void> {
	const current = await get(db, id);
	const found = await editableClaim(db, current.claimId);
	await db.transaction(async (tx) => {
		await tx.delete(evidence).where(eq(evidence.id, id));
		// A published version may show the file: it stays as long as the versions do.
		const [published] = await tx
			.select({ id: publishedVersion.id })
			.from(publishedVersion)
			.where(eq(publishedVersion.documentId, found.documentId))
			.limit(1);
		if (current.fileId && !published) {
			await tx.delete(evidenceFile).where(eq(evidenceFile.id, current.fileId));
		}
		await documents.touch(tx, found.documentId);
		await audit.record(tx, {
			documentId: found.documentId,
			entity: 'evidence',
			entityId: id,
			action: 'delete',
			actorId,
			before: { claimId: found.id, ...snapshot(current) }
		});
	});
}

/**
 * Puts a claim's evidence in the order of `ids`, which must name each of its items once.
 * AppError 404, 409 or 422.
 */
export async function reorder(db: Database, claimId: string, ids: string[], actorId: string) {
	const found = await editableClaim(db, claimId);
	await db.transaction(async (tx) => {
		const current = await tx
			.select({ id: evidence.id })
			.from(evidence)
			.where(eq(evidence.claimId, found.id))
			.orderBy(asc(evidence.position), asc(evidence.createdAt));
		const known = current.map((row) => row.id);
		assertPermutation(ids, known, 'ids');
		for (const [index, id] of ids.entries()) {
			await tx
				.update(evidence)
				.set({ position: index + 1 })
				.where(eq(evidence.id, id));
		}
		await documents.touch(tx, found.documentId);
		await audit.record(tx, {
			documentId: found.documentId,
			entity: 'evidence',
			entityId: found.id,
			action: 'reorder',
			actorId,
			before: known,
			after: ids
		});
	});
	return list(db, found.id);
}

/** An item's file with its bytes, for download. AppError 404 when the item has none. */
export async function file(db: Database, id: string) {
	const item = await get(db, id);
	await claims.get(db, item.claimId);
	const [row] = item.fileId
		? await db.select().from(evidenceFile).where(eq(evidenceFile.id, item.fileId))
		: [];
	if (!row) {
		throw notFound('This evidence has no file.');
	}
	return row;
}
