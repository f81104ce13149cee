import { readFile } from 'node:fs/promises';
import { DOMParser } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { atom, sitemap, type FeedVersion } from '$lib/feeds';
import * as claims from '$lib/server/claims';
import { seedDemo } from '$lib/server/demo';
import * as documents from '$lib/server/documents';
import * as evidence from '$lib/server/evidence';
import { newEvidence } from '$lib/server/evidence/input';
import { parse } from '$lib/server/http/problem';
import * as publishing from '$lib/server/publishing';
import * as review from '$lib/server/review';
import * as settings from '$lib/server/settings';
import { backends, resetData, useDatabase } from '../helpers/db';
import { createDocument, createUser } from '../helpers/factories';

const origin = 'https://factcheck.example.org';

/** A title and a correction note with what XML must escape, in the sample's language. */
const markupTitle = '晶片禁令 & <AI> 競賽：「美國落後中國」？';
const correctionNote = '第 2 則改評為「部分正確」：R1-Lite 預覽版 & o1-preview 的比較見 <附錄>。';

/**
 * The messages of xmllint (libxml2) validating `xml` against one of the schemas in
 * tests/fixtures/schemas: the sitemaps.org XSD or RFC 4287's RELAX NG grammar. Empty when valid.
 */
async function schemaErrors(xml: string, schema: 'atom.rng' | 'sitemap.xsd'): Promise<string[]> {
	const result = await validateXML({
		xml: [{ fileName: schema === 'atom.rng' ? 'feed.xml' : 'sitemap.xml', contents: xml }],
		schema: [
			{ fileName: schema, contents: await readFile(`tests/fixtures/schemas/${schema}`, 'utf8') }
		],
		extension: schema === 'atom.rng' ? 'relaxng' : 'schema'
	});
	return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

describe.each(backends)('the Atom feed and the sitemap against their schemas on %s', (kind) => {
	const ctx = useDatabase(kind);
	let versions: FeedVersion[];
	let name: string;

	/**
	 * The demo (its Chinese sample published as version 1), then a correction of the sample as
	 * version 2 with a note, the demo's second article published from review, and a new
	 * fact-check whose title has '&' and '<': four versions of three fact-checks, as the routes
	 * read them.
	 */
	beforeAll(async () => {
		await resetData(ctx.db);
		await seedDemo(ctx.db);
		const editor = await createUser(ctx.db, { roles: ['editor'] });
		const reviewer = await createUser(ctx.db, { roles: ['reviewer'] });
		const asEditor = { id: editor.id, roles: editor.roles };
		const asReviewer = { id: reviewer.id, roles: reviewer.roles };
		const approveAndPublish = async (documentId: string, note: string) => {
			const decision: review.Decision = { decision: 'approve', comment: '', claimComments: [] };
			await review.decide(ctx.db, documentId, decision, asReviewer);
			await publishing.publish(ctx.db, documentId, note, asReviewer);
		};

		const [sample] = await documents.list(ctx.db, { status: 'published' });
		const second = (await claims.list(ctx.db, sample.id))[1];
		await claims.update(ctx.db, second.id, second.version, { rating: 'mixed' }, editor.id);
		await review.submit(ctx.db, sample.id, asEditor);
		await approveAndPublish(sample.id, correctionNote);

		const [waiting] = await documents.list(ctx.db, { status: 'in_review' });
		await approveAndPublish(waiting.id, '');

		const created = await createDocument(ctx.db, editor.id, {
			title: markupTitle,
			text: '有評論稱美國在人工智慧競賽中落後於中國。\n\n美國隨後擴大了晶片出口管制。',
			language: 'zh-Hant'
		});
		const claim = await claims.createAt(ctx.db, created.id, { start: 4, end: 19 }, editor.id);
		const rationale = {
			type: 'doc',
			content: [{ type: 'paragraph', content: [{ type: 'text', text: '說法過於籠統。' }] }]
		};
		await claims.update(ctx.db, claim.id, claim.version, { rating: 'mixed', rationale }, editor.id);
		const source = { kind: 'link', url: 'https://example.org/chips', stance: 'context' };
		await evidence.create(ctx.db, claim.id, parse(newEvidence, source), null, editor.id);
		await review.submit(ctx.db, created.id, asEditor);
		await approveAndPublish(created.id, '');

		versions = await publishing.allVersions(ctx.db, 100);
		name = await settings.get(ctx.db, 'organisationName');
	});

	it('has the realistic input it means to try', () => {
		expect(versions.map((v) => v.version).sort()).toEqual([1, 1, 1, 2]);
		expect(versions.map((v) => v.title)).toContain(markupTitle);
		expect(versions.map((v) => v.note)).toContain(correctionNote);
		expect(versions.every((v) => v.language === 'zh-Hant')).toBe(true);
	});

	it('writes an Atom feed that RFC 4287 Appendix B accepts', async () => {
		const xml = atom(versions, origin, name);
		expect(await schemaErrors(xml, 'atom.rng')).toEqual([]);
		// The grammar's two Schematron rules, which RELAX NG does not check.
		const feed = new DOMParser().parseFromString(xml, 'text/xml');
		const entries = [...feed.querySelectorAll('entry')];
		expect(entries).toHaveLength(versions.length);
		expect(feed.querySelector('feed > author > name')?.textContent).toBe(name);
		for (const entry of entries) {
			expect(entry.querySelector('link[rel="alternate"]')).not.toBeNull();
		}
		expect(entries.map((entry) => entry.querySelector('title')?.textContent)).toContain(
			markupTitle
		);
	});

	it('writes a sitemap that the sitemaps.org 0.9 schema accepts', async () => {
		const xml = sitemap(versions, origin);
		expect(await schemaErrors(xml, 'sitemap.xsd')).toEqual([]);
		// The list, three fact-checks and four versions.
		expect(xml.match(/<url>/g)).toHaveLength(1 + 3 + 4);
	});

	it('is caught by the schemas when an entry has no id or a url no loc', async () => {
		const feed = atom(versions, origin, name).replace(/<entry><id>[^<]*<\/id>/, '<entry>');
		expect(feed).not.toBe(atom(versions, origin, name));
		expect(await schemaErrors(feed, 'atom.rng')).toContainEqual(
			expect.stringContaining('Element entry failed to validate content')
		);
		const map = sitemap(versions, origin).replace(/<url><loc>[^<]*<\/loc>/, '<url>');
		expect(map).not.toBe(sitemap(versions, origin));
		expect(await schemaErrors(map, 'sitemap.xsd')).toContainEqual(
			expect.stringMatching(/Element '\{[^}]+\}lastmod': This element is not expected\..*loc/)
		);
	});
});
