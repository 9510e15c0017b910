// The actions of a typed field: email → mailto, phone → call and SMS, fax, address → map.
import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconMail, IconMapPin, IconMessage, IconPhoneCall, IconPrinter } from '@tabler/icons-react';
import type { FieldAction } from '../../api/types';
import { useT } from '../../i18n/i18n';

const ICONS = { mailto: IconMail, tel: IconPhoneCall, sms: IconMessage, fax: IconPrinter, map: IconMapPin } as const;
const COLORS = { mailto: 'blue', tel: 'green', sms: 'teal', fax: 'gray', map: 'red' } as const;

export function FieldActions({ actions, value }: { actions: FieldAction[]; value: string }) {
  const t = useT();
  return (
    <Group gap={6}>
      {actions.map((action) => {
        const Icon = ICONS[action.kind];
        const label = t(`action.${action.kind}`, { value });
        const isExternal = action.kind === 'map';
        return (
          <Tooltip key={`${action.kind}-${action.href}`} label={label}>
            <ActionIcon
              component="a"
              href={action.href}
              variant="light"
              color={COLORS[action.kind]}
              aria-label={label}
              data-action={action.kind}
              target={isExternal ? '_blank' : undefined}
              rel={isExternal ? 'noreferrer noopener' : undefined}
            >
              <Icon size={18} />
            </ActionIcon>
          </Tooltip>
        );
      })}
    </Group>
  );
}
