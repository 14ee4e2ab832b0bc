/**
 * Properties HubSpot calculates instead of accepting writes for. For deals: `hs_is_closed_won` and
 * `hs_is_closed` follow the stage's metadata (won = closed with probability 1), and
 * `amount_in_home_currency` is `amount` converted with the portal's exchange rates
 * (knowledge.hubspot.com "Set up the multiple currencies"). The emulator knows HubSpot's default
 * pipeline and learns the rest from loaded data: a snapshot's stages, home currency and rates
 * are the portal's configuration, so API writes then compute the same values the data holds.
 */
import { DEFAULT_DEAL_STAGES } from './standard-properties';

/** Derives calculated values from a record's properties after a write. */
export interface Calculator {
  /** Reads configuration from existing (snapshot) data. */
  learn(properties: Readonly<Record<string, string | null>>): void;
  /** The calculated values for these properties; names absent from the result are left alone. */
  derive(properties: Readonly<Record<string, string>>): Record<string, string>;
  setHomeCurrency(code: string): void;
}

interface StageMetadata {
  isClosed: boolean;
  isWon: boolean;
}

const CENTS = 100;

export class DealCalculator implements Calculator {
  private readonly stages = new Map<string, StageMetadata>(
    DEFAULT_DEAL_STAGES.map((stage) => [
      stage,
      { isClosed: stage === 'closedwon' || stage === 'closedlost', isWon: stage === 'closedwon' },
    ]),
  );
  /** Units of home currency per unit of each deal currency. */
  private readonly rates = new Map<string, number>();
  private homeCurrency = 'USD';

  setHomeCurrency(code: string): void {
    this.rates.delete(this.homeCurrency);
    this.homeCurrency = code;
  }

  learn(properties: Readonly<Record<string, string | null>>): void {
    const stage = properties.dealstage;
    if (stage && !this.stages.has(stage) && properties.hs_is_closed != null) {
      this.stages.set(stage, {
        isClosed: properties.hs_is_closed === 'true',
        isWon: properties.hs_is_closed_won === 'true',
      });
    }
    const currency = properties.deal_currency_code;
    if (currency && currency !== this.homeCurrency && !this.rates.has(currency)) {
      const amount = Number(properties.amount);
      const converted = Number(properties.amount_in_home_currency);
      if (
        properties.amount &&
        properties.amount_in_home_currency &&
        amount > 0 &&
        Number.isFinite(converted)
      ) {
        this.rates.set(currency, converted / amount);
      }
    }
  }

  derive(properties: Readonly<Record<string, string>>): Record<string, string> {
    const derived: Record<string, string> = {};
    const stage = properties.dealstage === undefined ? undefined : this.stages.get(properties.dealstage);
    if (stage) {
      derived.hs_is_closed = String(stage.isClosed);
      derived.hs_is_closed_won = String(stage.isWon);
    }
    if (properties.amount !== undefined) {
      const currency = properties.deal_currency_code ?? this.homeCurrency;
      const rate = currency === this.homeCurrency ? 1 : this.rates.get(currency);
      if (rate !== undefined) {
        derived.amount_in_home_currency = String(
          Math.round(Number(properties.amount) * rate * CENTS) / CENTS,
        );
      }
    }
    return derived;
  }
}

/** Calculators by object type name: types without one have no calculated properties here. */
export function standardCalculators(): Map<string, Calculator> {
  return new Map([['deals', new DealCalculator()]]);
}
