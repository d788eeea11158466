/** Why shenjiao refused to work. Bad content never throws; these are for bad configuration and unusable input. */
export type ErrorCode = 'invalid-config' | 'invalid-dictionary' | 'invalid-input' | 'unreadable-image' | 'unreadable-attachment';

/** The one error class shenjiao throws; `code` tells callers what went wrong without parsing the message. */
export class ShenjiaoError extends Error {
  /** Machine-readable reason. */
  readonly code: ErrorCode;
  /** Structured details: the config key, dictionary list, entry id and field at fault, or the path. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ShenjiaoError';
    this.code = code;
    this.details = Object.freeze({ ...details });
  }
}

/** A dictionary failed validation: `list`, `entryId` and `field` locate the fault. */
export class DictionaryError extends ShenjiaoError {
  constructor(message: string, where: { list: string; entryId?: string; field?: string }) {
    super('invalid-dictionary', message, where);
    this.name = 'DictionaryError';
  }
}
