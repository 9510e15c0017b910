// The reading stage of the import pipeline: file → header and records.

export { openSource, wholeReadHeapMb } from './open-source.js';
export { previewSource, PREVIEW_RECORDS } from './preview.js';
export { DEFAULT_READ_LIMITS } from './source-types.js';
export type { OpenedSource, Preview, ReadLimits, ReadOptions, SourceFormat, SourceRecord } from './source-types.js';
export { ENCRYPTED_MESSAGE } from './sheetjs-source.js';
