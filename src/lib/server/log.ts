import pino from 'pino';

/** The app's JSON logger; every line about a request carries its `requestId`. */
export const logger = pino({
	level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
	redact: ['password', '*.password', 'token', '*.token']
});
