// A reference to read: no JavaScript needed.
export const csr = false;
