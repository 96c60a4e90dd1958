/** WHAPI's error envelope (`ResponseError`, NOTES §8). We always set `code` to the HTTP status: the spec doesn't say
 *  whether they differ (§10.13) and equal values are what a client can least misread. */
export const errorBody = (status: number, message: string) => ({ error: { code: status, message } });

/** Thrown by handlers; the dispatcher turns it into `errorBody`. */
export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
