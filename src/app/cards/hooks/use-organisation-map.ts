import { useAssociations } from '@hubspot/ui-extensions/crm';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  MAP_CONTACT_PROPERTIES,
  mapContactOf,
  organisationMap,
  type Attitude,
  type CareerStage,
  type InfluenceLevel,
  type OrganisationMap,
} from '@keystone/shared';

/** Contacts per page HubSpot returns; the map needs them all, so the hook walks every page. */
export const CONTACT_PAGE_LENGTH = 100;
/** Pages read at most (1,000 contacts); a larger company's map says it is partial. */
export const MAX_CONTACT_PAGES = 10;

export type ContactName = { name: string; jobTitle: string | null };

/** A person the manager can judge in the map's form: every contact read, mapped or not. */
export type MapContactOption = ContactName & {
  id: string;
  influence: InfluenceLevel | null;
  attitude: Attitude | null;
  career: CareerStage | null;
};

export type OrganisationMapState =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | {
      status: 'ready';
      map: OrganisationMap;
      names: ReadonlyMap<string, ContactName>;
      /** Every contact read, by name, with the values the map read (an unknown option as null). */
      contacts: readonly MapContactOption[];
      /** True when the company has more contacts than MAX_CONTACT_PAGES pages hold. */
      partial: boolean;
    };

type Collected = {
  contacts: Map<string, Record<string, string | null>>;
  /** The page last collected: a render of the same page again asks for nothing more. */
  lastPage: number | null;
  done: boolean;
  partial: boolean;
};

/**
 * The company's associated contacts, every page of them, and the organisation map built from them
 * (core organisation-map.ts). HubSpot's hook holds one page at a time: each page is collected here
 * before the next is asked for, so the map is never drawn from part of the contacts.
 */
export function useOrganisationMap(nowMs: number): OrganisationMapState {
  const { results, error, isLoading, pagination } = useAssociations(
    {
      toObjectType: '0-1',
      properties: [...MAP_CONTACT_PROPERTIES, 'firstname', 'lastname', 'email', 'jobtitle'],
      pageLength: CONTACT_PAGE_LENGTH,
    },
    { propertiesToFormat: [] },
  );
  const collected = useRef<Collected>({ contacts: new Map(), lastPage: null, done: false, partial: false });
  // moves with every page collected, so the map is built again once the last one is in
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (isLoading || error || collected.current.done) return;
    if (collected.current.lastPage === pagination.currentPage) return;
    collected.current.lastPage = pagination.currentPage;
    for (const result of results)
      collected.current.contacts.set(String(result.toObjectId), result.properties);
    if (pagination.hasNextPage && pagination.currentPage < MAX_CONTACT_PAGES) {
      pagination.nextPage();
    } else {
      collected.current.done = true;
      collected.current.partial = pagination.hasNextPage;
    }
    setVersion((value) => value + 1);
  }, [results, isLoading, error, pagination]);

  return useMemo((): OrganisationMapState => {
    if (error) return { status: 'error', error };
    if (!collected.current.done) return { status: 'loading' };
    const mapContacts: ReturnType<typeof mapContactOf>[] = [];
    const people = [...collected.current.contacts.entries()].map(([id, properties]): MapContactOption => {
      const contact = mapContactOf(id, properties, nowMs);
      mapContacts.push(contact);
      const name = [properties.firstname, properties.lastname]
        .map((part) => part?.trim() ?? '')
        .filter(Boolean)
        .join(' ');
      return {
        id,
        name: name || properties.email?.trim() || `Contact ${id}`,
        jobTitle: properties.jobtitle?.trim() || null,
        influence: contact.influence,
        attitude: contact.attitude,
        career: contact.career,
      };
    });
    const names = new Map<string, ContactName>(
      people.map(({ id, name, jobTitle }) => [id, { name, jobTitle }]),
    );
    const options = [...people].sort(
      (a, b) =>
        a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) ||
        a.id.localeCompare(b.id, 'en', { numeric: true }),
    );
    return {
      status: 'ready',
      map: organisationMap(mapContacts, { nowMs }),
      names,
      contacts: options,
      partial: collected.current.partial,
    };
  }, [error, nowMs, version]);
}
