/** Who a company is: name, domain, industry, home currency, size. */
import { CURRENCIES, INDUSTRIES, type Currency, type Industry } from './hubspot-values';
import { INDUSTRY_WORDS, NAME_ENDS, NAME_STARTS } from './names';
import type { Random } from './prng';

export interface CompanyIdentity {
  name: string;
  /** The name without industry word and legal form, for deal names. */
  shortName: string;
  domain: string;
  industry: Industry;
  currency: Currency;
}

const QUALIFIERS =
  'Global United Nordic Pacific Atlantic Alpine Metro Central Coastal Advanced Precision Applied'.split(' ');
const CURRENCY_WEIGHTS = CURRENCIES.map((currency) => [currency, currency.weight] as const);

/** Domains handed out so far, so every company gets its own (contact emails must be unique in HubSpot). */
export class DomainRegistry {
  private readonly taken = new Map<string, number>();

  claim(stem: string, tld: string): string {
    const uses = this.taken.get(`${stem}.${tld}`) ?? 0;
    this.taken.set(`${stem}.${tld}`, uses + 1);
    return uses === 0 ? `${stem}.${tld}` : `${stem}${uses + 1}.${tld}`;
  }
}

export function companyIdentity(random: Random, domains: DomainRegistry): CompanyIdentity {
  const shortName = `${random.pick(NAME_STARTS)}${random.pick(NAME_ENDS)}`;
  const qualifier = random.chance(0.3) ? `${random.pick(QUALIFIERS)} ` : '';
  const industry = random.pick(INDUSTRIES);
  const industryWord = random.pick(INDUSTRY_WORDS[industry]);
  const currency = random.weighted(CURRENCY_WEIGHTS);
  const name = `${shortName} ${qualifier}${industryWord} ${random.pick(currency.legalForms)}`;
  const stem = `${shortName}${random.chance(0.5) ? `-${industryWord.split(' ')[0]}` : ''}`.toLowerCase();
  return { name, shortName, domain: domains.claim(stem, currency.tld), industry, currency };
}
