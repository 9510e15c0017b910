// The one error type of Intake. Codes map to HTTP status in one place (httpStatusOf) and to CLI exit codes.

export type AppErrorCode =
  | 'BAD_INPUT'
  | 'BAD_USAGE'
  | 'CONFIG_INVALID'
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'FILE_EMPTY'
  | 'FILE_ENCRYPTED'
  | 'FILE_TOO_LARGE'
  | 'FILE_FORMAT_UNSUPPORTED'
  | 'ZIP_BOMB'
  | 'ENCODING_INVALID'
  | 'TOO_MANY_COLUMNS'
  | 'CELL_TOO_LONG'
  | 'SHEET_NOT_FOUND'
  | 'UPLOAD_TOO_LARGE'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'TEAM_FORBIDDEN'
  | 'CSRF_INVALID'
  | 'RATE_LIMITED'
  | 'REQUEST_TOO_LARGE'
  | 'CONFLICT'
  | 'NAME_MISMATCH'
  | 'JOB_NOT_CANCELLABLE'
  | 'JOB_NOT_REVERTIBLE'
  | 'LEASE_LOST'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export type AppErrorDetails = {
  file?: string;
  line?: number;
  column?: string;
  [key: string]: unknown;
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: AppErrorDetails;

  constructor(code: AppErrorCode, message: string, details: AppErrorDetails = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export function httpStatusOf(code: AppErrorCode): number {
  switch (code) {
    case 'BAD_INPUT':
    case 'BAD_USAGE':
    case 'FILE_UNREADABLE':
    case 'FILE_EMPTY':
    case 'FILE_ENCRYPTED':
    case 'FILE_FORMAT_UNSUPPORTED':
    case 'ZIP_BOMB':
    case 'ENCODING_INVALID':
    case 'TOO_MANY_COLUMNS':
    case 'CELL_TOO_LONG':
    case 'SHEET_NOT_FOUND':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
    case 'TEAM_FORBIDDEN':
    case 'CSRF_INVALID':
      return 403;
    case 'NOT_FOUND':
    case 'FILE_NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'NAME_MISMATCH':
    case 'JOB_NOT_CANCELLABLE':
    case 'JOB_NOT_REVERTIBLE':
    case 'LEASE_LOST':
      return 409;
    case 'FILE_TOO_LARGE':
    case 'UPLOAD_TOO_LARGE':
    case 'REQUEST_TOO_LARGE':
      return 413;
    case 'RATE_LIMITED':
      return 429;
    case 'UNAVAILABLE':
      return 503;
    case 'CONFIG_INVALID':
    case 'INTERNAL':
      return 500;
  }
}

/** CLI exit status: 2 for bad usage or bad input, 1 otherwise (DESIGN.md, command line). */
export function exitCodeOf(code: AppErrorCode): number {
  const status = httpStatusOf(code);
  if (code === 'NAME_MISMATCH') return 2; // the input needs a confirmation (--yes) before it is accepted
  return status === 400 || status === 404 || status === 413 ? 2 : 1;
}
