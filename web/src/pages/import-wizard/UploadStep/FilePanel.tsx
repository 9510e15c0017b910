// The uploaded file: name, size, type, and the reader settings (encoding, delimiter, sheet, skip top), each overridable.
import { Anchor, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Preview, Upload } from '../../../api/types';
import { useT } from '../../../i18n/i18n';
import { describeDelimiter, formatBytes, formatCount } from '../../../utils/format';
import type { FileSettings } from '../../../utils/import-request';

/** What the supervisor may choose instead of the detected encoding: the legacy encodings customer lists come in. */
const ENCODINGS = [
  'UTF-8', 'UTF-16LE', 'UTF-16BE', 'GB18030', 'GBK', 'Big5', 'Shift_JIS', 'EUC-JP', 'ISO-2022-JP', 'EUC-KR', 'windows-1252',
  'ISO-8859-1', 'windows-1250', 'ISO-8859-2', 'windows-1251', 'KOI8-R', 'KOI8-U', 'windows-1253', 'windows-1254', 'windows-1255',
  'windows-1256', 'windows-1257', 'windows-1258', 'windows-874', 'macintosh', 'CP850', 'CP437', 'IBM866',
];

type Props = {
  upload: Upload;
  preview: Preview | null;
  settings: FileSettings;
  onChange: (change: Partial<FileSettings>) => void;
  onDelete: () => void;
};

function withDetected(options: string[], detected: string | null | undefined): string[] {
  if (!detected || options.some((option) => option.toLowerCase() === detected.toLowerCase())) return options;
  return [detected, ...options];
}

/** The delimiter select's value for a file of fixed-width columns, which has none. */
const FIXED_WIDTH = 'fixed-width';

export function FilePanel({ upload, preview, settings, onChange, onDelete }: Props) {
  const t = useT();
  const detectedEncoding = upload.encoding ?? preview?.encoding ?? null;
  const detectedDelimiter = upload.delimiter ?? preview?.delimiter ?? null;
  const sheets = preview?.sheets ?? upload.sheets ?? [];
  const isText = detectedDelimiter !== null || detectedEncoding !== null;
  const delimiterOptions = [
    { value: ',', label: t('delimiter.comma') },
    { value: ';', label: t('delimiter.semicolon') },
    { value: '\t', label: t('delimiter.tab') },
    { value: '|', label: t('delimiter.pipe') },
  ];
  if (detectedDelimiter && !delimiterOptions.some((o) => o.value === detectedDelimiter)) {
    delimiterOptions.unshift({ value: detectedDelimiter, label: describeDelimiter(detectedDelimiter) });
  }
  // A text file of fixed-width columns has no delimiter; one may still be chosen (FIXED_WIDTH: none).
  const isFixedWidth = upload.format === 'csv' && detectedDelimiter === null && detectedEncoding !== null;
  if (isFixedWidth) delimiterOptions.unshift({ value: FIXED_WIDTH, label: t('delimiter.fixedWidth') });
  const matchedEncoding = ENCODINGS.find((e) => e.toLowerCase() === (settings.encoding ?? detectedEncoding ?? '').toLowerCase());

  return (
    <Paper withBorder p="md" data-testid="file-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('file.title')}</Title>
          <Anchor component="button" type="button" c="red" onClick={onDelete} title={t('file.deleteHint')} data-testid="delete-upload">
            {t('file.delete')}
          </Anchor>
        </Group>
        <SimpleGrid cols={3} spacing="xs">
          <Field label={t('file.name')} value={upload.name} testId="file-name" />
          <Field label={t('file.size')} value={formatBytes(upload.size)} testId="file-size" />
          <Field label={t('file.type')} value={upload.format.toUpperCase()} testId="file-format" />
        </SimpleGrid>
        {upload.rowCount !== undefined && upload.rowCount !== null && <Field label={t('file.rows')} value={formatCount(upload.rowCount)} />}
        <SimpleGrid cols={4} spacing="xs">
          {isText && (
            <Select
              label={t('file.encoding')}
              description={detectedEncoding ? t('file.detected', { value: detectedEncoding }) : undefined}
              data={withDetected(ENCODINGS, detectedEncoding)}
              value={matchedEncoding ?? settings.encoding ?? detectedEncoding}
              onChange={(value) => onChange({ encoding: value ?? undefined })}
              allowDeselect={false}
              searchable
              data-testid="encoding-select"
            />
          )}
          {(detectedDelimiter !== null || isFixedWidth) && (
            <Select
              label={t('file.delimiter')}
              description={t('file.detected', { value: detectedDelimiter === null ? t('delimiter.fixedWidth') : describeDelimiter(detectedDelimiter) })}
              data={delimiterOptions}
              value={settings.delimiter ?? detectedDelimiter ?? FIXED_WIDTH}
              onChange={(value) => onChange({ delimiter: value === null || value === FIXED_WIDTH ? undefined : value })}
              allowDeselect={false}
              data-testid="delimiter-select"
            />
          )}
          {sheets.length > 0 && (
            <Select
              label={t('file.sheet')}
              data={sheets}
              value={settings.sheet ?? preview?.sheet ?? upload.sheet ?? sheets[0] ?? null}
              onChange={(value) => onChange({ sheet: value ?? undefined })}
              allowDeselect={false}
            />
          )}
          <NumberInput
            label={t('file.skipTop')}
            min={0}
            max={1_000_000}
            value={settings.skipTop}
            onChange={(value) => onChange({ skipTop: typeof value === 'number' ? value : Number(value) || 0 })}
            allowDecimal={false}
            allowNegative={false}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId} style={{ wordBreak: 'break-all' }}>
        {value}
      </Text>
    </div>
  );
}
