// The fixed names of DESIGN.md: import targets and their standard fields.

export const TARGETS = [
  'individual',
  'organization',
  'mass-target',
  'campaign',
  'campaign-blacklist',
  'blacklist',
  'whitelist',
  'area-code',
  'did',
] as const;
export type Target = (typeof TARGETS)[number];

export const FIELD_TYPES = ['text', 'email', 'phone', 'fax', 'address', 'date', 'number'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export type FieldDefinition = {
  key: string;
  label: string;
  type: FieldType;
};

export const MAIN_TABLES = ['individual', 'organization'] as const;
export type MainTable = (typeof MAIN_TABLES)[number];

export const CUSTOMER_STATUSES = ['new', 'pending', 'success', 'failed', 'callback'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

function field(key: string, label: string, type: FieldType = 'text'): FieldDefinition {
  return { key, label, type };
}

const numberFields = [field('number', 'Number', 'phone'), field('note', 'Note')];

export const STANDARD_FIELDS: Readonly<Record<Exclude<Target, 'campaign'>, readonly FieldDefinition[]>> = {
  individual: [
    field('name', 'Name'),
    field('phone', 'Phone', 'phone'),
    field('mobile', 'Mobile', 'phone'),
    field('phone2', 'Phone 2', 'phone'),
    field('email', 'Email', 'email'),
    field('fax', 'Fax', 'fax'),
    field('address', 'Address', 'address'),
    field('city', 'City'),
    field('state', 'State'),
    field('zip', 'Zip'),
    field('country', 'Country'),
    field('company', 'Company'),
    field('title', 'Title'),
    field('birthday', 'Birthday', 'date'),
    field('gender', 'Gender'),
    field('note', 'Note'),
  ],
  organization: [
    field('name', 'Name'),
    field('contact', 'Contact'),
    field('phone', 'Phone', 'phone'),
    field('mobile', 'Mobile', 'phone'),
    field('email', 'Email', 'email'),
    field('fax', 'Fax', 'fax'),
    field('address', 'Address', 'address'),
    field('city', 'City'),
    field('state', 'State'),
    field('zip', 'Zip'),
    field('country', 'Country'),
    field('website', 'Website'),
    field('industry', 'Industry'),
    field('note', 'Note'),
  ],
  'mass-target': [field('name', 'Name'), field('phone', 'Phone', 'phone'), field('email', 'Email', 'email')],
  'campaign-blacklist': numberFields,
  blacklist: numberFields,
  whitelist: numberFields,
  'area-code': [
    field('prefix', 'Prefix'),
    field('area', 'Area'),
    field('city', 'City'),
    field('province', 'Province'),
    field('country', 'Country'),
    field('timezone', 'Timezone'),
    field('carrier', 'Carrier'),
  ],
  did: [field('number', 'Number', 'phone'), field('description', 'Description'), field('campaign', 'Campaign')],
};

export function isTarget(value: string): value is Target {
  return (TARGETS as readonly string[]).includes(value);
}

export function isCustomerTarget(target: Target): boolean {
  return target === 'individual' || target === 'organization' || target === 'mass-target' || target === 'campaign';
}
