// The campaign's agent view: fields in order (drag to reorder), visible and editable; saved with PUT /api/fields.
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Button, Group, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import type { FieldSetting } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/i18n';
import { SortableFieldRow } from './SortableFieldRow';

export function AgentViewEditor({ campaignId, fields }: { campaignId: number; fields: FieldSetting[] }) {
  const t = useT();
  const [order, setOrder] = useState(fields);
  const [isSaving, setIsSaving] = useState(false);
  const [isSaved, setIsSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setOrder(fields), [fields]);
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    setOrder((current) => {
      const from = current.findIndex((f) => f.key === active.id);
      const to = current.findIndex((f) => f.key === over.id);
      return arrayMove(current, from, to);
    });
    setIsSaved(false);
  };
  const change = (key: string, patch: Partial<FieldSetting>) => {
    setOrder((current) => current.map((f) => (f.key === key ? { ...f, ...patch } : f)));
    setIsSaved(false);
  };
  const save = async () => {
    setIsSaving(true);
    setError(null);
    try {
      const saved = await api.saveFields('campaign', order.map((f, index) => ({ ...f, position: index })), campaignId);
      if (Array.isArray(saved)) setOrder(saved);
      setIsSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={order.map((f) => f.key)} strategy={verticalListSortingStrategy}>
          <Table withTableBorder data-testid="agent-view-fields">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>{t('start.label')}</Table.Th>
                <Table.Th>{t('start.key')}</Table.Th>
                <Table.Th>{t('start.type')}</Table.Th>
                <Table.Th>{t('campaign.visible')}</Table.Th>
                <Table.Th>{t('campaign.editable')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {order.map((field) => (
                <SortableFieldRow key={field.key} field={field} onChange={(patch) => change(field.key, patch)} />
              ))}
            </Table.Tbody>
          </Table>
        </SortableContext>
      </DndContext>
      <ErrorAlert error={error} />
      <Group>
        <Button onClick={() => void save()} loading={isSaving}>
          {t('app.save')}
        </Button>
        {isSaved && <Text c="green">{t('app.saved')}</Text>}
      </Group>
    </>
  );
}
