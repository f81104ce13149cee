import * as v from 'valibot';

/**
 * An annotation import: W3C Web Annotation JSON-LD (an AnnotationCollection, an AnnotationPage,
 * an array or one Annotation) or a Hypothesis export (`{rows}` or `{annotations}`). Only its
 * shape is checked here; each annotation in it is read on its own and reported by index.
 */
// The array first: an array is an object too, and looseObject would turn it into one.
export const annotationImport = v.union(
	[v.array(v.unknown()), v.looseObject({})],
	'Send an AnnotationCollection, an AnnotationPage, an array of annotations or a Hypothesis export.'
);
