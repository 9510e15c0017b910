// The uploaded file of a wizard: team, upload with progress, the reader settings (each overridable) and the preview.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/endpoints';
import { uploadFile, type UploadHandle } from '../../api/upload';
import type { Preview, Target, Upload } from '../../api/types';
import type { FileSettings } from '../../utils/import-request';

export type PreviewTarget = { target: Target; campaignId?: number; campaignName?: string } | null;

export type UploadedFile = {
  teamId: number | undefined;
  setTeamId: (teamId: number | undefined) => void;
  upload: Upload | null;
  progress: number | null;
  uploadingName: string | null;
  uploadError: unknown;
  startUpload: (file: File) => void;
  removeUpload: () => Promise<void>;
  /** Lets the file go without deleting it: a job made from it keeps it (its "original" download). */
  forgetUpload: () => void;
  settings: FileSettings;
  changeSettings: (change: Partial<FileSettings>) => void;
  preview: Preview | null;
  previewError: unknown;
  isPreviewLoading: boolean;
};

const EMPTY_SETTINGS: FileSettings = { skipTop: 0 };

export function useUploadedFile(initialTeamId: number | undefined, previewTarget: PreviewTarget): UploadedFile {
  const [teamId, setTeamIdState] = useState(initialTeamId);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadingName, setUploadingName] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [settings, setSettings] = useState<FileSettings>(EMPTY_SETTINGS);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [isPreviewLoading, setIsPreviewLoading] = useState(false);
  const handleRef = useRef<UploadHandle | null>(null);

  const startUpload = useCallback(
    (file: File) => {
      handleRef.current?.abort();
      setUploadError(null);
      setUpload(null);
      setPreview(null);
      setSettings(EMPTY_SETTINGS);
      setUploadingName(file.name);
      setProgress(0);
      const handle = uploadFile(file, teamId, setProgress);
      handleRef.current = handle;
      handle.promise
        .then((uploaded) => {
          if (handleRef.current !== handle) return;
          setUpload(uploaded);
        })
        .catch((error: unknown) => handleRef.current === handle && setUploadError(error))
        .finally(() => {
          if (handleRef.current !== handle) return;
          handleRef.current = null;
          setProgress(null);
          setUploadingName(null);
        });
    },
    [teamId],
  );

  const forgetUpload = useCallback(() => {
    setUpload(null);
    setPreview(null);
    setSettings(EMPTY_SETTINGS);
    setPreviewError(null);
  }, []);

  const removeUpload = useCallback(async () => {
    const current = upload;
    forgetUpload();
    if (current) await api.deleteUpload(current.id).catch(() => undefined);
  }, [upload, forgetUpload]);

  const setTeamId = useCallback(
    (next: number | undefined) => {
      if (next === teamId) return;
      void removeUpload();
      setTeamIdState(next);
    },
    [teamId, removeUpload],
  );

  const changeSettings = useCallback((change: Partial<FileSettings>) => setSettings((current) => ({ ...current, ...change })), []);

  const target = previewTarget?.target;
  const campaignId = previewTarget?.campaignId;
  const campaignName = previewTarget?.campaignName;
  const hasTarget = previewTarget !== null;
  useEffect(() => {
    if (!upload || !hasTarget || !target) return;
    let isCurrent = true;
    setIsPreviewLoading(true);
    api
      .previewUpload(upload.id, { target, campaignId, campaignName, ...settings })
      .then((loaded) => {
        if (!isCurrent) return;
        setPreview(loaded);
        setPreviewError(null);
      })
      .catch((error: unknown) => isCurrent && setPreviewError(error))
      .finally(() => isCurrent && setIsPreviewLoading(false));
    return () => {
      isCurrent = false;
    };
  }, [upload, hasTarget, target, campaignId, campaignName, settings]);

  return {
    teamId,
    setTeamId,
    upload,
    progress,
    uploadingName,
    uploadError,
    startUpload,
    removeUpload,
    forgetUpload,
    settings,
    changeSettings,
    preview,
    previewError,
    isPreviewLoading,
  };
}
