/**
 * HubSpot's standard (hubspotDefined) properties that a fresh emulated portal starts with: every
 * property Keystone reads plus the common ones around them. Names, types, field types and option
 * values follow HubSpot's default properties (knowledge.hubspot.com "HubSpot's default company /
 * contact / deal / ticket properties"); option lists are abridged where HubSpot's are long.
 */
import type { FieldType, PropertyType } from './property-types';

/** [name, label, type, fieldType, options?, flags?] */
type Seed = [string, string, PropertyType, FieldType, string[]?, SeedFlags?];
interface SeedFlags {
  /** The options are the portal's owners (HubSpot fills them from the owners list). */
  hasOwnerOptions?: boolean;
  readOnlyValue?: boolean;
  calculated?: boolean;
  hasUniqueValue?: boolean;
  group?: string;
}

const READ_ONLY: SeedFlags = { readOnlyValue: true, calculated: true };

/** Properties every object type has. */
const COMMON: Seed[] = [
  ['hs_object_id', 'Record ID', 'number', 'number', undefined, { readOnlyValue: true }],
];

const OWNER: Seed = [
  'hubspot_owner_id',
  'Owner',
  'enumeration',
  'select',
  undefined,
  { hasOwnerOptions: true },
];

const CURRENCIES = [
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'JPY',
  'CAD',
  'AUD',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'CNY',
  'INR',
  'BRL',
];

const INDUSTRIES = [
  'ACCOUNTING',
  'AIRLINES_AVIATION',
  'AUTOMOTIVE',
  'BANKING',
  'BIOTECHNOLOGY',
  'BUILDING_MATERIALS',
  'CHEMICALS',
  'COMPUTER_HARDWARE',
  'COMPUTER_SOFTWARE',
  'CONSTRUCTION',
  'CONSUMER_GOODS',
  'ELECTRICAL_ELECTRONIC_MANUFACTURING',
  'FINANCIAL_SERVICES',
  'FOOD_BEVERAGES',
  'HOSPITAL_HEALTH_CARE',
  'INDUSTRIAL_AUTOMATION',
  'INFORMATION_TECHNOLOGY_AND_SERVICES',
  'INSURANCE',
  'LOGISTICS_AND_SUPPLY_CHAIN',
  'MACHINERY',
  'MANAGEMENT_CONSULTING',
  'MECHANICAL_OR_INDUSTRIAL_ENGINEERING',
  'MEDICAL_DEVICES',
  'OIL_ENERGY',
  'PHARMACEUTICALS',
  'RETAIL',
  'TELECOMMUNICATIONS',
  'TRANSPORTATION_TRUCKING_RAILROAD',
  'UTILITIES',
  'WHOLESALE',
];

/** HubSpot's default sales pipeline ("default") and its stage ids. */
export const DEFAULT_DEAL_STAGES = [
  'appointmentscheduled',
  'qualifiedtobuy',
  'presentationscheduled',
  'decisionmakerboughtin',
  'contractsent',
  'closedwon',
  'closedlost',
];

/** HubSpot's default support pipeline ("0") and its stage ids (New, Waiting on contact, Waiting on us, Closed). */
export const DEFAULT_TICKET_STAGES = ['1', '2', '3', '4'];

export const STANDARD_PROPERTIES: Record<string, Seed[]> = {
  companies: [
    ...COMMON,
    ['name', 'Company name', 'string', 'text'],
    ['domain', 'Company domain name', 'string', 'text'],
    ['website', 'Website URL', 'string', 'text'],
    ['phone', 'Phone number', 'string', 'phonenumber'],
    ['city', 'City', 'string', 'text'],
    ['country', 'Country/Region', 'string', 'text'],
    ['industry', 'Industry', 'enumeration', 'select', INDUSTRIES],
    ['annualrevenue', 'Annual revenue', 'number', 'number'],
    ['numberofemployees', 'Number of employees', 'number', 'number'],
    [
      'lifecyclestage',
      'Lifecycle stage',
      'enumeration',
      'radio',
      [
        'subscriber',
        'lead',
        'marketingqualifiedlead',
        'salesqualifiedlead',
        'opportunity',
        'customer',
        'evangelist',
        'other',
      ],
    ],
    ['createdate', 'Create date', 'datetime', 'date'],
    ['hs_lastmodifieddate', 'Last modified date', 'datetime', 'date', undefined, READ_ONLY],
    ['notes_last_contacted', 'Last contacted', 'datetime', 'date', undefined, READ_ONLY],
    ['notes_last_updated', 'Last activity date', 'datetime', 'date', undefined, READ_ONLY],
    ['hs_num_decision_makers', 'Number of decision makers', 'number', 'number', undefined, READ_ONLY],
    ['num_associated_contacts', 'Number of associated contacts', 'number', 'number', undefined, READ_ONLY],
    ['num_associated_deals', 'Number of associated deals', 'number', 'number', undefined, READ_ONLY],
    ['hs_is_target_account', 'Target account', 'bool', 'booleancheckbox'],
    [
      'hs_ideal_customer_profile',
      'Ideal customer profile tier',
      'enumeration',
      'radio',
      ['tier_1', 'tier_2', 'tier_3'],
    ],
    OWNER,
  ],
  contacts: [
    ...COMMON,
    ['firstname', 'First name', 'string', 'text'],
    ['lastname', 'Last name', 'string', 'text'],
    ['email', 'Email', 'string', 'text', undefined, { hasUniqueValue: true }],
    ['phone', 'Phone number', 'string', 'phonenumber'],
    ['company', 'Company name', 'string', 'text'],
    ['jobtitle', 'Job title', 'string', 'text'],
    [
      'hs_buying_role',
      'Buying role',
      'enumeration',
      'checkbox',
      [
        'BUDGET_HOLDER',
        'CHAMPION',
        'DECISION_MAKER',
        'END_USER',
        'EXECUTIVE_SPONSOR',
        'INFLUENCER',
        'LEGAL_AND_COMPLIANCE',
        'BLOCKER',
        'OTHER',
      ],
    ],
    [
      'lifecyclestage',
      'Lifecycle stage',
      'enumeration',
      'radio',
      [
        'subscriber',
        'lead',
        'marketingqualifiedlead',
        'salesqualifiedlead',
        'opportunity',
        'customer',
        'evangelist',
        'other',
      ],
    ],
    ['createdate', 'Create date', 'datetime', 'date'],
    ['lastmodifieddate', 'Last modified date', 'datetime', 'date', undefined, READ_ONLY],
    OWNER,
  ],
  deals: [
    ...COMMON,
    ['dealname', 'Deal name', 'string', 'text'],
    ['amount', 'Amount', 'number', 'number'],
    ['amount_in_home_currency', 'Amount in company currency', 'number', 'number', undefined, READ_ONLY],
    ['deal_currency_code', 'Currency', 'enumeration', 'select', CURRENCIES],
    ['closedate', 'Close date', 'datetime', 'date'],
    ['createdate', 'Create date', 'datetime', 'date'],
    ['hs_lastmodifieddate', 'Last modified date', 'datetime', 'date', undefined, READ_ONLY],
    ['hs_is_closed_won', 'Is closed won', 'bool', 'booleancheckbox', undefined, READ_ONLY],
    ['hs_is_closed', 'Is deal closed?', 'bool', 'booleancheckbox', undefined, READ_ONLY],
    ['pipeline', 'Pipeline', 'enumeration', 'select', ['default']],
    ['dealstage', 'Deal stage', 'enumeration', 'radio', DEFAULT_DEAL_STAGES],
    ['dealtype', 'Deal type', 'enumeration', 'radio', ['newbusiness', 'existingbusiness']],
    OWNER,
  ],
  tickets: [
    ...COMMON,
    ['subject', 'Ticket name', 'string', 'text'],
    ['content', 'Ticket description', 'string', 'textarea'],
    ['hs_ticket_priority', 'Priority', 'enumeration', 'select', ['LOW', 'MEDIUM', 'HIGH', 'URGENT']],
    [
      'hs_ticket_category',
      'Category',
      'enumeration',
      'checkbox',
      ['PRODUCT_ISSUE', 'BILLING_ISSUE', 'FEATURE_REQUEST', 'GENERAL_INQUIRY'],
    ],
    ['createdate', 'Create date', 'datetime', 'date'],
    ['closed_date', 'Close date', 'datetime', 'date'],
    ['hs_lastmodifieddate', 'Last modified date', 'datetime', 'date', undefined, READ_ONLY],
    ['hs_pipeline', 'Pipeline', 'enumeration', 'select', ['0']],
    ['hs_pipeline_stage', 'Ticket status', 'enumeration', 'radio', DEFAULT_TICKET_STAGES],
    OWNER,
  ],
  meetings: [
    ...COMMON,
    ['hs_meeting_title', 'Meeting name', 'string', 'text'],
    ['hs_meeting_body', 'Meeting description', 'string', 'textarea'],
    ['hs_meeting_start_time', 'Start time', 'datetime', 'date'],
    ['hs_meeting_end_time', 'End time', 'datetime', 'date'],
    [
      'hs_meeting_outcome',
      'Meeting outcome',
      'enumeration',
      'select',
      ['SCHEDULED', 'COMPLETED', 'RESCHEDULED', 'NO_SHOW', 'CANCELED'],
    ],
    ['hs_timestamp', 'Activity date', 'datetime', 'date'],
    ['hs_createdate', 'Create date', 'datetime', 'date', undefined, READ_ONLY],
    ['hs_lastmodifieddate', 'Last modified date', 'datetime', 'date', undefined, READ_ONLY],
    OWNER,
  ],
  tasks: [
    ...COMMON,
    ['hs_task_subject', 'Task title', 'string', 'text'],
    ['hs_task_body', 'Task notes', 'string', 'textarea'],
    ['hs_timestamp', 'Due date', 'datetime', 'date'],
    [
      'hs_task_status',
      'Task status',
      'enumeration',
      'select',
      ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED'],
    ],
    ['hs_task_priority', 'Priority', 'enumeration', 'select', ['NONE', 'LOW', 'MEDIUM', 'HIGH']],
    ['hs_task_type', 'Task type', 'enumeration', 'select', ['CALL', 'EMAIL', 'TODO']],
    ['hs_createdate', 'Create date', 'datetime', 'date', undefined, READ_ONLY],
    ['hs_lastmodifieddate', 'Last modified date', 'datetime', 'date', undefined, READ_ONLY],
    OWNER,
  ],
  notes: [
    ...COMMON,
    ['hs_note_body', 'Note body', 'string', 'textarea'],
    ['hs_timestamp', 'Activity date', 'datetime', 'date'],
    ['hs_createdate', 'Create date', 'datetime', 'date', undefined, READ_ONLY],
    ['hs_lastmodifieddate', 'Last modified date', 'datetime', 'date', undefined, READ_ONLY],
    OWNER,
  ],
};

export type { Seed as StandardPropertySeed, SeedFlags as StandardPropertyFlags };
