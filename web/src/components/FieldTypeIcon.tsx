// The icon of a field type, as the agent view shows it.
import { IconAbc, IconCalendar, IconHash, IconMail, IconMapPin, IconPhone, IconPrinter } from '@tabler/icons-react';
import type { FieldType } from '../api/types';

export function FieldTypeIcon({ type, size = 16 }: { type: FieldType; size?: number }) {
  const props = { size, 'aria-hidden': true, stroke: 1.6 } as const;
  switch (type) {
    case 'email':
      return <IconMail {...props} />;
    case 'phone':
      return <IconPhone {...props} />;
    case 'fax':
      return <IconPrinter {...props} />;
    case 'address':
      return <IconMapPin {...props} />;
    case 'date':
      return <IconCalendar {...props} />;
    case 'number':
      return <IconHash {...props} />;
    case 'text':
      return <IconAbc {...props} />;
  }
}
