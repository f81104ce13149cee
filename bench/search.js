// Part of `npm run bench`: search, claim matching, the review queue and the documents list on
// a PostgreSQL server holding 100,000 documents and 1,000,000 claims (half of them Chinese),
// as p50/p95 over HTTP, beside GET /api/v1/me (signed in, one indexed read) measured in the
// same run. The goal is absolute: p95 at most 50 ms each.
//
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names a server where
// a database factmark_bench_search is made afresh; BENCH_DOCUMENTS scales the data (claims are
// ten per document). Generating the full size takes several minutes; BENCH_REUSE=1 measures the
// database a previous run left, when it holds that many documents.
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { createServer } from 'vite';
import { admin, login, startServer } from './server.js';
import { report } from './summary.js';

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const documents = Number(process.env.BENCH_DOCUMENTS ?? 100_000);
const claimsPerDocument = 10;
const rounds = Number(process.env.BENCH_ROUNDS ?? 200);
const goalMs = 50;

const databaseUrl = (() => {
	const url = new URL(serverUrl);
	url.pathname = '/factmark_bench_search';
	return url.href;
})();
const maintenance = postgres(serverUrl, { max: 1, onnotice: () => {} });
const reuse = process.env.BENCH_REUSE === '1' && (await generated());
if (!reuse) {
	await maintenance`drop database if exists factmark_bench_search with (force)`;
	await maintenance`create database factmark_bench_search`;
}
await maintenance.end();

// The app's own tokeniser, so that the vectors are exactly those the app would write.
const vite = await createServer({
	configFile: false,
	logLevel: 'silent',
	server: { middlewareMode: true },
	appType: 'custom'
});
const { searchTerms } = await vite.ssrLoadModule('/src/lib/search/index.ts');

const { base, stop } = await startServer({ DATABASE_URL: databaseUrl });
const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
try {
	// The admin acts as editor and reviewer too, to read every list measured.
	const [editor] = await sql`update "user" set roles = '{admin,editor,reviewer}'
		where email = ${admin.email} returning id`;
	if (!reuse) {
		console.log(`generating ${documents} documents and ${documents * claimsPerDocument} claims…`);
		const started = performance.now();
		await generate(editor);
		await sql`vacuum analyze`;
		console.log(`generated in ${Math.round((performance.now() - started) / 1000)} s`);
	}

	const token = await login(base, admin);
	const headers = { authorization: `Bearer ${token}` };
	const get = (path) => () => fetch(`${base}/api/v1${path}`, { headers });
	const [someClaim] = await sql`select id from claim where document_id in
		(select id from document where language = 'zh-Hant' limit 1) limit 1`;
	const [someEnglish] = await sql`select id from claim where document_id in
		(select id from document where language = 'en' limit 1) limit 1`;

	const cases = [
		['baseline: GET /me', get('/me')],
		['search 晶片 (two characters)', get(`/search?q=${encodeURIComponent('晶片')}`)],
		['search 人工智慧 (four characters)', get(`/search?q=${encodeURIComponent('人工智慧')}`)],
		['search "claims" (English, stemmed)', get('/search?q=claims')],
		['search "verdict 台灣" (mixed)', get(`/search?q=${encodeURIComponent('verdict 台灣')}`)],
		['search claims only, 美國', get(`/search?type=claims&q=${encodeURIComponent('美國')}`)],
		['claim matching (Chinese claim)', get(`/claims/${someClaim.id}/matches`)],
		['claim matching (English claim)', get(`/claims/${someEnglish.id}/matches`)],
		['review queue', get('/review-queue')],
		['documents list', get('/documents')],
		['documents list, drafts, page 2', await secondPage('/documents?status=draft')],
		['documents list, title search', get('/documents?q=budget')]
	];
	const rows = [];
	let baseline = 0;
	for (const [name, request] of cases) {
		const { p50, p95 } = await percentiles(request);
		baseline ||= p95;
		rows.push({
			case: name,
			'p50 ms': p50.toFixed(1),
			'p95 ms': p95.toFixed(1),
			'p95 / baseline': (p95 / baseline).toFixed(2),
			[`p95 ≤ ${goalMs} ms`]: name.startsWith('baseline') ? '' : p95 <= goalMs ? 'yes' : 'NO'
		});
		if (!name.startsWith('baseline')) {
			report({
				bench: 'search',
				figure: `${name}, p95 (vs GET /me)`,
				value: p95,
				baseline,
				unit: 'ms',
				goal: `≤ ${goalMs} ms`,
				met: p95 <= goalMs
			});
		}
	}
	console.table(rows);
	await paraphrases();

	/**
	 * How often claim matching finds a published claim from a paraphrase of it: a quarter of its
	 * words (or, in Chinese, characters) dropped, matched as an editor's draft claim would be.
	 */
	async function paraphrases() {
		const [draft] = await sql`select c.id from claim c join document d on d.id = c.document_id
			where d.status = 'draft' limit 1`;
		const published = await sql`select claim_id as id, claim_text as text, language
			from published_claim where claim_text <> '' order by md5(claim_id::text) limit 200`;
		let seed = 7;
		const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		let found = 0;
		for (const claim of published) {
			const english = claim.language === 'en';
			const units = english ? claim.text.split(' ') : [...claim.text];
			const text = units.filter(() => random() > 0.25).join(english ? ' ' : '');
			const response = await fetch(
				`${base}/api/v1/claims/${draft.id}/matches?limit=5&text=${encodeURIComponent(text)}`,
				{ headers }
			);
			const { items } = await response.json();
			// Generated claims repeat: the same words under another id count as found.
			found += items.some((item) => item.id === claim.id || item.claim === claim.text) ? 1 : 0;
		}
		console.log(
			`claim matching found ${found} of ${published.length} published claims from a paraphrase (a quarter of the words dropped) among its first 5`
		);
		report({
			bench: 'search',
			figure: 'claim matching: paraphrases whose claim is among the first 5 (of those tried)',
			value: found,
			baseline: published.length,
			unit: 'claims',
			goal: 'reported',
			met: null
		});
	}

	/** A request for the second page of `path`, through the first page's cursor. */
	async function secondPage(path) {
		const first = await (await get(path)()).json();
		return get(`${path}&cursor=${first.nextCursor}`);
	}
} finally {
	await sql.end();
	await vite.close();
	await stop();
}

/** True when factmark_bench_search exists and holds `documents` documents. */
async function generated() {
	const [exists] =
		await maintenance`select 1 from pg_database where datname = 'factmark_bench_search'`;
	if (!exists) {
		return false;
	}
	const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	try {
		const [{ count }] = await db`select count(*)::int as count from document`;
		return count === documents;
	} catch {
		return false;
	} finally {
		await db.end();
	}
}

/** p50 and p95 milliseconds of `rounds` sequential runs of `request`, after a warm-up. */
async function percentiles(request) {
	for (let i = 0; i < 10; i++) {
		await (await request()).arrayBuffer();
	}
	const times = [];
	for (let i = 0; i < rounds; i++) {
		const started = performance.now();
		const response = await request();
		await response.arrayBuffer();
		if (!response.ok) {
			throw new Error(`HTTP ${response.status} from ${response.url}`);
		}
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	return { p50: times[Math.floor(rounds / 2)], p95: times[Math.floor(rounds * 0.95)] };
}

/**
 * Documents and claims stitched from the seed articles (Chinese) and the design documents
 * (English), with their search vectors; a third published, one in a hundred in review.
 */
async function generate(editor) {
	const chinese = ['sample-article.zh-Hant.txt', 'second-article.zh-Hant.txt']
		.map((file) => readFileSync(`seeds/${file}`, 'utf8'))
		.join('')
		.replace(/\s+/g, '');
	const characters = [...chinese];
	const english = [
		readFileSync('seeds/third-article.en.txt', 'utf8'),
		readFileSync('README.md', 'utf8')
	].join(' ');
	const words = [...new Set(english.toLowerCase().match(/[a-z]{3,}/g))];
	let seed = 42;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	const zhText = (length) => {
		let out = '';
		while (out.length < length) {
			const at = Math.floor(random() * (characters.length - 12));
			out += characters.slice(at, at + 4 + Math.floor(random() * 8)).join('');
		}
		return out;
	};
	const enText = (count) =>
		Array.from({ length: count }, () => words[Math.floor(words.length * random() ** 2.5)]).join(
			' '
		);
	const batch = 500;
	for (let start = 0; start < documents; start += batch) {
		const docs = [];
		for (let i = start; i < Math.min(documents, start + batch); i++) {
			const zh = i % 2 === 0;
			const status = i % 100 === 1 ? 'in_review' : i % 3 === 0 ? 'published' : 'draft';
			docs.push({
				id: crypto.randomUUID(),
				slug: `bench-${i}`,
				title: zh ? zhText(20) : enText(8),
				text: zh ? zhText(1500) : enText(300),
				language: zh ? 'zh-Hant' : 'en',
				status,
				created_by: editor.id,
				updated_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000)
			});
		}
		await sql`insert into document ${sql(docs)}`;
		const config = (doc) => (doc.language === 'en' ? 'english' : 'simple');
		const documentVectors = docs.map((doc) => ({
			id: doc.id,
			title: searchTerms(doc.title),
			body: searchTerms(doc.text),
			config: config(doc),
			published: doc.status === 'published'
		}));
		await sql`insert into document_search (document_id, search, title, published)
			select v.id::uuid, x.title || x.body, x.title, case when v.published then x.title || x.body end
			from jsonb_to_recordset(${sql.json(documentVectors)})
				as v(id text, title text, body text, config text, published boolean),
			lateral (select setweight(to_tsvector(v.config::regconfig, v.title), 'A') as title,
				setweight(to_tsvector(v.config::regconfig, v.body), 'D') as body) x`;
		const waiting = docs.filter((doc) => doc.status === 'in_review');
		if (waiting.length) {
			await sql`insert into review_round ${sql(
				waiting.map((doc) => ({
					document_id: doc.id,
					number: 1,
					submitted_by: editor.id,
					submitted_at: doc.updated_at,
					snapshot: sql.json([])
				}))
			)}`;
		}
		const claims = docs.flatMap((doc) =>
			Array.from({ length: claimsPerDocument }, (_, k) => {
				const zh = doc.language !== 'en';
				const exact = zh ? zhText(30) : enText(12);
				return {
					id: crypto.randomUUID(),
					document_id: doc.id,
					exact,
					claim_text: zh ? zhText(35) : enText(14),
					start: k * 100,
					end: k * 100 + exact.length,
					doc
				};
			})
		);
		await sql`insert into claim ${sql(claims.map(({ doc: _, ...claim }) => claim))}`;
		const claimVectors = claims.map((claim) => ({
			id: claim.id,
			document: claim.document_id,
			text: searchTerms(claim.claim_text),
			quote: searchTerms(claim.exact),
			config: config(claim.doc),
			published: claim.doc.status === 'published',
			claim_text: claim.claim_text,
			exact: claim.exact,
			language: claim.doc.language
		}));
		await sql`insert into claim_search (claim_id, search)
			select v.id::uuid, setweight(to_tsvector(v.config::regconfig, v.text), 'A')
				|| setweight(to_tsvector(v.config::regconfig, v.quote), 'B')
			from jsonb_to_recordset(${sql.json(claimVectors)}) as v(id text, text text, quote text, config text)`;
		await sql`insert into published_claim
				(claim_id, document_id, version, claim_text, exact, claimant, rating, language, published_at, search)
			select v.id::uuid, v.document::uuid, 1, v.claim_text, v.exact, '',
				'{"key":"mostly_false","labels":{"en":"Mostly false"},"color":"#c2410c","value":2}'::jsonb,
				v.language, now(),
				setweight(to_tsvector(v.config::regconfig, v.text), 'A')
					|| setweight(to_tsvector(v.config::regconfig, v.quote), 'B')
			from jsonb_to_recordset(${sql.json(claimVectors.filter((c) => c.published))})
				as v(id text, document text, text text, quote text, config text, claim_text text, exact text, language text)`;
		if ((start / batch) % 20 === 0) {
			console.log(`  ${start + docs.length} documents`);
		}
	}
}
