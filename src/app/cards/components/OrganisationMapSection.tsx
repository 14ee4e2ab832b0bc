import {
  Flex,
  Heading,
  List,
  LoadingSpinner,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import {
  ORGANISATION_GAP_TEXTS,
  ORGANISATION_GROUP_LABELS,
  ORGANISATION_MAP_GROUPS,
  type UiLanguage,
} from '@keystone/shared';
import { useState } from 'react';
import { useOrganisationMap, type OrganisationMapState } from '../hooks/use-organisation-map';
import type { CardMessages } from '../lib/messages';

/** People shown per group; the rest are counted (a company may have hundreds of contacts). */
export const PEOPLE_PER_GROUP = 8;

type OrganisationMapSectionProps = {
  state: OrganisationMapState;
  messages: CardMessages;
  language: UiLanguage;
};

const day = (ms: number, language: UiLanguage) =>
  new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-US', { dateStyle: 'medium' }).format(
    new Date(ms),
  );

/** 003: the buying centre's people by role, with influence, attitude and last contact, and the map's gaps. */
export const OrganisationMapSection = ({ state, messages, language }: OrganisationMapSectionProps) => {
  const heading = <Heading testId="kam-org-heading">{messages.organisationMap}</Heading>;
  if (state.status === 'loading') {
    return (
      <Flex direction="column" gap="xs" testId="kam-org">
        {heading}
        <LoadingSpinner testId="kam-org-loading" label={messages.organisationLoading} showLabel />
      </Flex>
    );
  }
  if (state.status === 'error') {
    return (
      <Flex direction="column" gap="xs" testId="kam-org">
        {heading}
        <Text testId="kam-org-error">{messages.organisationError}</Text>
      </Flex>
    );
  }
  const { map, names, partial } = state;
  const columns = messages.organisationColumns;
  return (
    <Flex direction="column" gap="sm" testId="kam-org">
      {heading}
      {partial && <Text testId="kam-org-partial">{messages.organisationPartial}</Text>}
      {map.gaps.length === 0 ? (
        <Text testId="kam-org-no-gaps">{messages.organisationNoGaps}</Text>
      ) : (
        <List testId="kam-org-gaps" variant="unordered-styled">
          {map.gaps.map((gap) => (
            <Text key={gap.id}>{ORGANISATION_GAP_TEXTS[gap.id][language]}</Text>
          ))}
        </List>
      )}
      {ORGANISATION_MAP_GROUPS.filter((group) => map.groups[group].length > 0).map((group) => {
        const people = map.groups[group];
        return (
          <Flex key={group} direction="column" gap="xs" testId={`kam-org-${group}`}>
            <Text format={{ fontWeight: 'demibold' }}>
              {`${ORGANISATION_GROUP_LABELS[group][language]} (${people.length})`}
            </Text>
            <Table density="condensed" bordered testId={`kam-org-table-${group}`}>
              <TableHead>
                <TableRow>
                  <TableHeader>{columns.person}</TableHeader>
                  <TableHeader>{columns.influence}</TableHeader>
                  <TableHeader>{columns.attitude}</TableHeader>
                  <TableHeader>{columns.lastContact}</TableHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {people.slice(0, PEOPLE_PER_GROUP).map((person) => {
                  const name = names.get(person.id);
                  return (
                    <TableRow key={person.id}>
                      <TableCell>
                        {name?.jobTitle ? `${name.name}, ${name.jobTitle}` : (name?.name ?? person.id)}
                      </TableCell>
                      <TableCell>
                        {person.influence ? messages.influenceLabels[person.influence] : '—'}
                      </TableCell>
                      <TableCell>
                        {person.attitude ? messages.attitudeLabels[person.attitude] : '—'}
                      </TableCell>
                      <TableCell>
                        {person.lastContactedAt === null
                          ? messages.organisationNever
                          : day(person.lastContactedAt, language)}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            {people.length > PEOPLE_PER_GROUP && (
              <Text variant="microcopy" testId={`kam-org-more-${group}`}>
                {messages.organisationMore(people.length - PEOPLE_PER_GROUP)}
              </Text>
            )}
          </Flex>
        );
      })}
      {map.unmapped > 0 && (
        <Text variant="microcopy" testId="kam-org-unmapped">
          {messages.organisationUnmapped(map.unmapped)}
        </Text>
      )}
    </Flex>
  );
};

/** The section over the company's associated contacts, read when the card opens. */
export const OrganisationMapPanel = ({ messages, language }: Omit<OrganisationMapSectionProps, 'state'>) => {
  const [nowMs] = useState(() => Date.now());
  const state = useOrganisationMap(nowMs);
  return <OrganisationMapSection state={state} messages={messages} language={language} />;
};
