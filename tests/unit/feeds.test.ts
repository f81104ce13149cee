import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { atom, escapeXml, sitemap } from '$lib/feeds';

const versions = [
	{
		slug: 'ai-進展',
		version: 2,
		publishedAt: new Date('2025-03-01T10:00:00Z'),
		note: 'Rating of claim 2 corrected <False>.',
		title: '美媒納悶 & "AI"',
		language: 'zh-Hant',
		claims: 6
	},
	{
		slug: 'ai-進展',
		version: 1,
		publishedAt: new Date('2025-02-01T10:00:00Z'),
		note: null,
		title: '美媒納悶 & "AI"',
		language: 'zh-Hant',
		claims: 6
	}
];

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');

describe('feeds', () => {
	it('writes an Atom feed with one entry per version, every required element present', () => {
		const xml = atom(versions, 'https://f.example', 'Desk <One>');
		const doc = parse(xml);
		const feed = doc.querySelector('feed');
		expect(feed?.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
		for (const name of ['id', 'title', 'updated', 'author']) {
			expect(feed?.querySelector(`:scope > ${name}`), name).not.toBeNull();
		}
		const entries = [...doc.querySelectorAll('entry')];
		expect(entries).toHaveLength(2);
		for (const entry of entries) {
			for (const name of ['id', 'title', 'updated', 'link', 'summary']) {
				expect(entry.querySelector(name), name).not.toBeNull();
			}
		}
		expect(entries.map((e) => e.querySelector('id')?.textContent)).toEqual([
			'https://f.example/fact-checks/ai-%E9%80%B2%E5%B1%95/v/2',
			'https://f.example/fact-checks/ai-%E9%80%B2%E5%B1%95/v/1'
		]);
		expect(entries[0].querySelector('title')?.textContent).toBe('美媒納悶 & "AI"');
		expect(entries[0].querySelector('summary')?.textContent).toContain('<False>');
		expect(feed?.querySelector(':scope > updated')?.textContent).toBe('2025-03-01T10:00:00.000Z');
	});

	it('lists each public page once in the sitemap, versions included', () => {
		const doc = parse(sitemap(versions, 'https://f.example'));
		expect([...doc.querySelectorAll('url > loc')].map((loc) => loc.textContent)).toEqual([
			'https://f.example/fact-checks',
			'https://f.example/fact-checks/ai-%E9%80%B2%E5%B1%95',
			'https://f.example/fact-checks/ai-%E9%80%B2%E5%B1%95/v/2',
			'https://f.example/fact-checks/ai-%E9%80%B2%E5%B1%95/v/1'
		]);
		expect(doc.querySelector('url > lastmod')?.textContent).toBe('2025-03-01');
	});

	it('escapes markup', () => {
		expect(escapeXml(`<a href="x">&'`)).toBe('&#60;a href=&#34;x&#34;&#62;&#38;&#39;');
	});

	it('drops the characters XML forbids, and keeps emoji, tabs and newlines', () => {
		expect(escapeXml('Line\u000bbreak\u0000 📈\t\n\ud800end')).toBe('Linebreak 📈\t\nend');
	});

	it('stops the sitemap at the protocol limit of 50,000 URLs', () => {
		const many = Array.from({ length: 30_000 }, (_, i) => ({ ...versions[0], slug: `s${i}` }));
		const doc = sitemap(many, 'https://f.example');
		expect(doc.match(/<url>/g)).toHaveLength(50_000);
	});
});
