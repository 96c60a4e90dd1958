// DOMAIN.md "Pricing and calls to action": a quote or demo request becomes a lead the admin follows up.
export const LEAD_KINDS = ['quote', 'demo'] as const;
export type LeadKind = (typeof LEAD_KINDS)[number];
export const LEAD_STATUSES = ['new', 'contacted', 'closed'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
