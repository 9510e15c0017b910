// The first records of a file as they will be read.
import { Fragment } from 'react';
import { Paper, ScrollArea, Table, Text, Title } from '@mantine/core';
import type { Preview } from '../api/types';
import { useT } from '../i18n/i18n';

export function PreviewTable({ preview }: { preview: Preview }) {
  const t = useT();
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('preview.title')}
      </Title>
      {preview.rows.length === 0 ? (
        <Text c="dimmed">{t('preview.empty')}</Text>
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <Table striped withTableBorder withColumnBorders fz="sm" data-testid="preview-table" style={{ whiteSpace: 'nowrap' }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                {preview.headers.map((header, index) => (
                  <Table.Th key={`${index}-${header}`}>{header}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((row, rowIndex) => {
                const problem = preview.problems.find((entry) => entry.row === rowIndex);
                return (
                  <Fragment key={rowIndex}>
                    <Table.Tr>
                      <Table.Td c="dimmed">{rowIndex + 1}</Table.Td>
                      {preview.headers.map((_header, index) => (
                        <Table.Td key={index}>{row[index] ?? ''}</Table.Td>
                      ))}
                    </Table.Tr>
                    {problem && (
                      <Table.Tr data-testid="preview-problem">
                        <Table.Td />
                        <Table.Td colSpan={preview.headers.length} c={problem.columns ? 'orange.8' : 'red'} style={{ whiteSpace: 'normal' }}>
                          {problem.columns
                            ? t('preview.cellProblem', { line: String(problem.line), reason: problem.reason, columns: problem.columns.map((column) => `"${preview.headers[column] ?? String(column + 1)}"`).join(', ') })
                            : t('preview.problem', { line: String(problem.line), reason: problem.reason })}
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Paper>
  );
}
