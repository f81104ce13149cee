/**
 * Importing W3C Web Annotations made elsewhere onto a document's text: reading them
 * (`readAnnotation`) and placing them (`placeAnnotation`). Pure; the server creates the claims.
 */
export {
	listAnnotations,
	MAX_ANNOTATIONS,
	MAX_CLAIM_TEXT,
	MAX_NOTE,
	MAX_QUOTE,
	readAnnotation,
	type Read,
	type Readable,
	type Reason,
	type Unreadable
} from './read';
export { placeAnnotation, type Placed } from './place';
