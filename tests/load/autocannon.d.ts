// autocannon ships no types: what tests/load/run.js uses of it.
declare module 'autocannon' {
	interface Result {
		requests: { total: number; sent: number };
		latency: { p50: number; p99: number; max: number };
		errors: number;
		timeouts: number;
		'5xx': number;
		statusCodeStats?: Record<string, { count: number }>;
	}
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		requests?: { method?: string; path: string }[];
	}
	export default function autocannon(options: Options): Promise<Result>;
}
