// Public pages: readable as they are sent, so no JavaScript is loaded at all.
export const csr = false;
