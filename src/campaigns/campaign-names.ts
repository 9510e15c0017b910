// A campaign's name as people and scripts type it: "collections dec" and "Collections  Dec " name one campaign.

/** The form names are compared in: trimmed, inner spaces as one, any letter case. */
export function comparableCampaignName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-US');
}
