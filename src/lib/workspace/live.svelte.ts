import { HocuspocusProvider } from '@hocuspocus/provider';
import { collabName, type Announcement, type Presence } from '$lib/collab';

/** The connection as the workspace tells it: live, trying, or over (the session ended). */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'ended';

/** Someone else in the document: who, where their selection is, which card they have open. */
export interface Peer extends Presence {
	clientId: number;
}

/**
 * The live layer of one document's workspace: presence to and from the others, and the
 * announcements of committed changes. Records are read and written through the API only; this
 * says when to read them again.
 */
export class Live {
	status = $state<LiveStatus>('connecting');
	peers = $state<Peer[]>([]);
	readonly #provider: HocuspocusProvider;
	#wasLive = false;

	/**
	 * `onchange` hears each announcement; `oncatchup` runs after a dropped connection comes
	 * back, when the workspace must read everything again (it may have missed some).
	 */
	constructor(
		documentId: string,
		handlers: { onchange: (announcement: Announcement) => void; oncatchup: () => void }
	) {
		const url = `${location.origin.replace(/^http/, 'ws')}/collab`;
		this.#provider = new HocuspocusProvider({
			url,
			name: collabName(documentId),
			// The session cookie goes with the upgrade; there is no token to send.
			token: null,
			onAuthenticated: () => {
				if (this.#wasLive) {
					// The others dropped this presence when the connection went, and ignore it
					// sent again unchanged: a new clock makes them take it back at once (else only
					// at the next renewal, 15 s on).
					const awareness = this.#provider.awareness;
					const state = awareness?.getLocalState();
					if (awareness && state) {
						awareness.setLocalState({ ...state });
					}
					handlers.oncatchup();
				}
				this.#wasLive = true;
				this.status = 'live';
			},
			onStatus: ({ status }) => {
				if (status !== 'connected' && this.status !== 'ended') {
					this.status = this.#wasLive ? 'reconnecting' : 'connecting';
				}
			},
			onClose: ({ event }) => {
				// Signed out, disabled or refused: trying again would not help.
				if ([4401, 4403, 4404].includes(event.code)) {
					this.end();
				}
			},
			onAuthenticationFailed: () => this.end(),
			onStateless: ({ payload }) => {
				try {
					handlers.onchange(JSON.parse(payload) as Announcement);
				} catch {
					// Not an announcement of ours.
				}
			},
			onAwarenessChange: ({ states }) => {
				const own = this.#provider.awareness?.clientID;
				this.peers = states
					.filter((state) => state.clientId !== own && state.user)
					.map((state) => state as unknown as Peer);
			}
		});
		// The browser knows first when the network goes: say so, and come back when it does.
		addEventListener('offline', this.#offline);
		addEventListener('online', this.#online);
	}

	readonly #offline = () => this.#provider.disconnect();
	readonly #online = () => void this.#provider.connect();

	/** Tells the others where this person's selection is (code points), or that there is none. */
	select(selection: { start: number; end: number } | null): void {
		this.#provider.setAwarenessField('selection', selection);
	}

	/** Tells the others which claim's card this person has open. */
	open(claimId: string | null): void {
		this.#provider.setAwarenessField('claim', claimId);
	}

	end(): void {
		removeEventListener('offline', this.#offline);
		removeEventListener('online', this.#online);
		this.status = 'ended';
		this.peers = [];
		this.#provider.destroy();
	}
}
