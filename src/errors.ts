// Errors with stable codes. Tests assert the code; the message is for the person who must act.

export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'CONFIG_NOT_FOUND'
  | 'CONNECTOR_RATE_LIMITED'
  | 'CONNECTOR_UNAVAILABLE'
  | 'CONNECTOR_BAD_RESPONSE'
  | 'CONNECTOR_AUTH'
  | 'REDIS_MISSING'
  | 'REDIS_START_FAILED'
  | 'REDIS_IN_USE'
  | 'REDIS_LOST'
  | 'REDIS_UNREACHABLE'
  | 'PORT_IN_USE'
  | 'DATA_DIR_UNUSABLE'
  | 'SCHEDULE_REFUSED'
  | 'CONNECTOR_TOO_LARGE'
  | 'INPUT_INVALID';

export class UitkijkError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'UitkijkError';
  }
}

/** A platform asked us to slow down; `retryAfterMs` says for how long. */
export class RateLimitedError extends UitkijkError {
  readonly retryAfterMs: number;
  constructor(message: string, retryAfterMs: number) {
    super('CONNECTOR_RATE_LIMITED', message);
    this.retryAfterMs = retryAfterMs;
    this.name = 'RateLimitedError';
  }
}
