/** `Prefer: return=representation` asks for the whole resource; the default, `return=minimal`, for id, status and
 *  links (the spec's `prefer` parameter, NOTES §3.1). */
export const wantsRepresentation = (prefer: string | undefined): boolean => /return=representation/i.test(prefer ?? '');
