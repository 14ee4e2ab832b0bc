/**
 * Word lists for names, titles and labels: plausible, invented, never real companies. Kept as
 * delimited strings so the lists stay readable at a glance.
 */
import type { BuyingRole, Industry } from './hubspot-values';

const words = (text: string): readonly string[] => text.split(' ');
const phrases = (text: string): readonly string[] => text.split('|');

export const NAME_STARTS = words(
  'North Blue Iron Silver Cedar Bright Stone Clear Oak High Red Green Swift True Prime Ever Star Sun West East ' +
    'Nor Vel Ark Tal Cor Lum Mar Quin Ros Zen Alp Bor Cal Dun Fal Gran Hal Kel Lin Mor',
);

export const NAME_ENDS = words(
  'vane stone field line wave point gate bridge ridge brook crest forge mark works tek ora ia ex ion dale ford ' +
    'wood haven port ston view',
);

export const INDUSTRY_WORDS: Readonly<Record<Industry, readonly string[]>> = {
  COMPUTER_SOFTWARE: phrases('Software|Labs|Systems'),
  INFORMATION_TECHNOLOGY_AND_SERVICES: phrases('IT Services|Digital|Technologies'),
  FINANCIAL_SERVICES: phrases('Capital|Finance|Partners'),
  HOSPITAL_HEALTH_CARE: phrases('Health|Care|Clinics'),
  MACHINERY: phrases('Machinery|Machines|Equipment'),
  LOGISTICS_AND_SUPPLY_CHAIN: phrases('Logistics|Freight|Supply'),
  RETAIL: phrases('Retail|Stores|Market'),
  AUTOMOTIVE: phrases('Automotive|Motors|Components'),
  CONSTRUCTION: phrases('Construction|Builders|Building'),
  FOOD_PRODUCTION: phrases('Foods|Farms|Kitchens'),
  PHARMACEUTICALS: phrases('Pharma|Therapeutics|Biosciences'),
  TELECOMMUNICATIONS: phrases('Telecom|Networks|Communications'),
  MECHANICAL_OR_INDUSTRIAL_ENGINEERING: phrases('Engineering|Industrial|Industries'),
  CHEMICALS: phrases('Chemicals|Materials|Polymers'),
  WHOLESALE: phrases('Trading|Wholesale|Distribution'),
  INSURANCE: phrases('Insurance|Assurance|Mutual'),
  UTILITIES: phrases('Energy|Utilities|Power'),
  MANAGEMENT_CONSULTING: phrases('Consulting|Advisory|Group'),
};

export const FIRST_NAMES = words(
  'Anna Ben Carla David Elena Felix Grace Hugo Ines Jonas Kara Liam Maria Noah Olivia Paul Rosa Samuel Tara ' +
    'Victor Wendy Yusuf Zoe Adam Beatriz Chen Dmitri Emma Farah Giulia Hannah Ivan Julia Kenji Lena Marco Nadia ' +
    'Omar Priya Rahul Sofia Tomas Ursula Vera William Xavier Yara Lucas',
);

export const LAST_NAMES = words(
  'Smith Muller Garcia Rossi Novak Schmidt Johnson Brown Dubois Jansen Kowalski Nielsen Andersson Costa Fischer ' +
    'Weber Martin Lopez Silva Taylor Wilson Moore Clarke Hughes Patel Kim Tanaka Wang Ivanova Horvath Bauer ' +
    'Keller Moreau Lambert Bianchi Romano Evans Walsh Byrne Murphy Larsen Berg Hansen',
);

export const JOB_TITLES: Readonly<Record<BuyingRole, readonly string[]>> = {
  DECISION_MAKER: phrases('CEO|Managing Director|VP Operations|General Manager|COO'),
  BUDGET_HOLDER: phrases('CFO|Finance Director|Head of Procurement|Purchasing Manager'),
  CHAMPION: phrases('Operations Manager|Head of IT|Project Lead|Plant Manager'),
  EXECUTIVE_SPONSOR: phrases('Chief Operating Officer|SVP Supply Chain|Chief Technology Officer'),
  INFLUENCER: phrases('Engineering Lead|Senior Buyer|Quality Manager|Product Manager'),
  END_USER: phrases('Technician|Analyst|Coordinator|Specialist|Engineer'),
  LEGAL_AND_COMPLIANCE: phrases('Legal Counsel|Compliance Officer'),
  BLOCKER: phrases('Head of Strategic Sourcing|Procurement Controller|Finance Controller'),
  OTHER: phrases('Office Manager|Executive Assistant'),
};

/** Titles of contacts without a buying role. */
export const GENERIC_JOB_TITLES = phrases(
  'Account Manager|Buyer|Project Manager|Engineer|Analyst|Operations Coordinator|Sales Manager|Office Manager',
);

export const PRODUCTS = phrases(
  'Platform licence|Service contract|Spare parts|Implementation|Training|Support plan|Hardware order|' +
    'Consulting days|Expansion|Pilot|Upgrade|Maintenance',
);

export const TICKET_SUBJECTS = phrases(
  'Delivery delayed|Invoice question|Login problem|Defective unit|Integration error|Request for documentation|' +
    'Performance issue|Missing items in shipment|Configuration help|Outage reported|Billing discrepancy|Warranty claim',
);

export const MEETING_TITLES = phrases(
  'Quarterly business review|Account planning|Product demo|Renewal discussion|Onboarding check-in|Executive sync|' +
    'Technical workshop|Escalation call|Pricing discussion|Roadmap preview',
);
