// Uploads a file with XMLHttpRequest, because fetch cannot report upload progress.
import { ApiError, getCsrfToken, withQuery } from './client';
import type { Upload } from './types';

export type UploadHandle = { promise: Promise<Upload>; abort: () => void };

export function uploadFile(file: File, teamId: number | undefined, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<Upload>((resolve, reject) => {
    xhr.open('POST', withQuery('/api/uploads', { teamId }));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: { code?: string; message?: string } & Partial<Upload> = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // Not JSON: handled below.
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as Upload);
      } else {
        const fallback = xhr.status === 413 ? 'The file is too large.' : `Upload failed (${xhr.status})`;
        reject(new ApiError(xhr.status, body.code ?? `HTTP_${xhr.status}`, body.message ?? fallback));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'The upload was interrupted.'));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', 'The upload was cancelled.'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
