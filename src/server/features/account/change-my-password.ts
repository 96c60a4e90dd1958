import { AppError } from '../../app-error';
import type { Auth } from '../auth/better-auth';
import { readAuthApiError } from '../auth/auth-api-error';

/**
 * Changes the password and signs out every other session of the account; the current one is replaced by a
 * fresh session whose cookies are returned.
 */
export async function changeMyPassword(
  auth: Auth,
  headers: Headers,
  body: { currentPassword: string; newPassword: string },
): Promise<string[]> {
  try {
    const result = await auth.api.changePassword({
      body: { ...body, revokeOtherSessions: true },
      headers,
      returnHeaders: true,
    });
    return result.headers.getSetCookie();
  } catch (error) {
    const failure = readAuthApiError(error);
    if (failure?.code === 'INVALID_PASSWORD') {
      throw new AppError('VALIDATION_FAILED', 'Please correct the highlighted fields.', {
        fields: { currentPassword: 'This is not your current password.' },
      });
    }
    throw error;
  }
}
