import { AppError } from '../../app-error';
import type { Auth } from './better-auth';
import { readAuthApiError } from './auth-api-error';

export interface SignUpInput {
  auth: Auth;
  name: string;
  email: string;
  password: string;
  headers: Headers;
}

export async function signUp(input: SignUpInput): Promise<{ userId: string; setCookies: string[] }> {
  const { auth, name, email, password, headers } = input;
  try {
    const result = await auth.api.signUpEmail({ body: { name, email, password }, headers, returnHeaders: true });
    return { userId: result.response.user.id, setCookies: result.headers.getSetCookie() };
  } catch (error) {
    const failure = readAuthApiError(error);
    if (failure?.code?.startsWith('USER_ALREADY_EXISTS')) {
      throw new AppError('EMAIL_TAKEN', 'An account with this email already exists.', {
        fields: { email: 'An account with this email already exists. Sign in instead.' },
      });
    }
    if (failure?.code === 'PASSWORD_TOO_SHORT' || failure?.code === 'PASSWORD_TOO_LONG') {
      throw new AppError('VALIDATION_FAILED', 'Please correct the highlighted fields.', {
        fields: { password: 'Use between 8 and 128 characters.' },
      });
    }
    throw error;
  }
}
