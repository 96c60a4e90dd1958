import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '../../contracts/errors';
import { AppError } from '../app-error';

// Fastify's own 4xx errors (bad JSON, body too large, wrong content type) keep their status with our shape.
const FRAMEWORK_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

function send(reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** One handler for every error: `{error:{code,message,fields?}}`, no stack traces, 5xx only for our faults. */
export function registerErrorHandler(app: FastifyInstance, options: { serveSpa: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.options.headers ?? {})) reply.header(name, value);
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return send(reply, error.status, {
        error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const issue of error.validation) {
        const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        // An unknown key (strict objects) has no path of its own: name the key itself.
        const unknownKeys = (issue.params as { keys?: string[] } | undefined)?.keys;
        const key = path || unknownKeys?.join('.') || '_';
        fields[key] ??= issue.message ?? 'Invalid value.';
      }
      return send(reply, 400, {
        error: { code: 'VALIDATION_FAILED', message: 'Please correct the highlighted fields.', fields },
      });
    }
    const status = error.statusCode ?? 500;
    const code = FRAMEWORK_CODES[status];
    if (status < 500 && code) {
      return send(reply, status, { error: { code, message: frameworkMessage(status) } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, {
      error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isPage = request.method === 'GET' || request.method === 'HEAD';
    if (options.serveSpa && isPage && path !== '/api' && !path.startsWith('/api/')) {
      // A client-side route (or a page the SPA itself will call "not found").
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
    }
    return send(reply, 404, { error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${path}.` } });
  });
}

function frameworkMessage(status: number): string {
  switch (status) {
    case 413:
      return 'The request is too large.';
    case 415:
      return 'This content type is not supported.';
    case 429:
      return 'Too many requests. Please slow down.';
    default:
      return 'The request could not be understood.';
  }
}
