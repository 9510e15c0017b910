// One field of the agent view: drag handle, label, type, visible and editable switches.
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Group, Switch, Table, Text } from '@mantine/core';
import { IconGripVertical } from '@tabler/icons-react';
import type { FieldSetting } from '../../api/types';
import { FieldTypeIcon } from '../../components/FieldTypeIcon';
import { useT } from '../../i18n/i18n';

type Props = { field: FieldSetting; onChange: (change: Partial<FieldSetting>) => void };

export function SortableFieldRow({ field, onChange }: Props) {
  const t = useT();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: field.key });
  const style = { transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.6 : 1, background: isDragging ? 'var(--mantine-color-blue-0)' : undefined };
  return (
    <Table.Tr ref={setNodeRef} style={style} data-testid="field-row" data-key={field.key}>
      <Table.Td w={40}>
        <ActionIcon variant="subtle" color="gray" ref={setActivatorNodeRef} {...attributes} {...listeners} aria-label={t('campaign.dragHandle', { label: field.label })} style={{ cursor: 'grab' }}>
          <IconGripVertical size={16} />
        </ActionIcon>
      </Table.Td>
      <Table.Td>
        <Group gap={6}>
          <FieldTypeIcon type={field.type} />
          <Text size="sm" fw={500}>
            {field.label}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace" c="dimmed">
          {field.key}
        </Text>
      </Table.Td>
      <Table.Td>{t(`fieldType.${field.type}`)}</Table.Td>
      <Table.Td>
        <Switch aria-label={t('campaign.visibleFor', { label: field.label })} checked={field.isVisible} onChange={(e) => onChange({ isVisible: e.currentTarget.checked })} />
      </Table.Td>
      <Table.Td>
        <Switch aria-label={t('campaign.editableFor', { label: field.label })} checked={field.isEditable} onChange={(e) => onChange({ isEditable: e.currentTarget.checked })} />
      </Table.Td>
    </Table.Tr>
  );
}
