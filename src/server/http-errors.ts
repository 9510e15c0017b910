// Every failure of a request becomes one AppError, answered as {code, message} with the status of its code.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { isConnectionProblem } from '../db/unavailable.js';
import { AppError, httpStatusOf, isAppError } from '../shared/app-error.js';

export type ErrorBody = { code: string; message: string };

export function describeZodError(error: ZodError, where: string): string {
  const problems = error.issues.map((issue) => {
    const path = [where, ...issue.path].filter((part) => part !== '').join('.');
    return `${path}: ${issue.message}`;
  });
  return `Invalid request: ${problems.join('; ')}.`;
}

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ZodError) return new AppError('BAD_INPUT', describeZodError(error, ''));
  const fastifyError = error as Partial<FastifyError> | undefined;
  const status = fastifyError?.statusCode;
  // @fastify/multipart's own size limit (ours in storage usually fires first, with the same code).
  if (fastifyError?.code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError('UPLOAD_TOO_LARGE', 'The file is larger than the upload limit. Split it into smaller files.');
  }
  if (fastifyError?.code === 'FST_FILES_LIMIT') {
    return new AppError('BAD_INPUT', 'Send one file per request, in the form field "file".');
  }
  if (fastifyError?.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return new AppError('BAD_INPUT', 'Send the file as multipart/form-data, in the form field "file".');
  }
  if (status === 413) return new AppError('REQUEST_TOO_LARGE', 'The request body is too large.');
  if (status !== undefined && status >= 400 && status < 500) {
    return new AppError('BAD_INPUT', fastifyError?.message ?? 'The request could not be read.');
  }
  if (isConnectionProblem(error)) {
    return new AppError('UNAVAILABLE', 'The database does not answer at the moment; try again shortly. The details are in the server\'s log.', {}, { cause: error });
  }
  return new AppError('INTERNAL', 'Something went wrong on the server; the details are in its log.', {}, { cause: error });
}

/** The one place where an error becomes an HTTP answer. */
export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = toAppError(error);
  const status = httpStatusOf(appError.code);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  const retryAfter = appError.details.retryAfterSeconds;
  if (typeof retryAfter === 'number') void reply.header('Retry-After', String(retryAfter));
  const body: ErrorBody = { code: appError.code, message: appError.message };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}
