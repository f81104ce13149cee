import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import type { Collab } from './src/lib/server/collab';

/** The dev server takes the live workspace's WebSocket too, as server.js does in production. */
const collab: Plugin = {
	name: 'factmark-collab',
	configureServer(server) {
		server.httpServer?.on('upgrade', (request, socket, head) => {
			if ((request.url ?? '').split('?')[0] !== '/collab') {
				return; // Vite's own sockets
			}
			const live = (globalThis as Record<symbol, Collab | undefined>)[
				Symbol.for('factmark.collab')
			];
			if (live) {
				live.handleUpgrade(request, socket, head);
			} else {
				socket.destroy();
			}
		});
	}
};

export default defineConfig({
	plugins: [
		sveltekit(),
		collab,
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['custom-locale', 'baseLocale']
		})
	],
	server: { port: 3000 },
	ssr: { external: ['@electric-sql/pglite'] },
	optimizeDeps: { exclude: ['@electric-sql/pglite'] },
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
