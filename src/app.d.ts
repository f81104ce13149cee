import type { Database } from '$lib/server/db';
import type { Session, SessionUser } from '$lib/server/auth';

declare global {
	namespace App {
		interface Error {
			message: string;
			requestId?: string;
		}
		interface Locals {
			db: Database;
			requestId: string;
			user: SessionUser | null;
			session: Session | null;
			/** Set when the request failed because the database is out of reach: answered 503. */
			unavailable?: boolean;
		}
	}
}

export {};
