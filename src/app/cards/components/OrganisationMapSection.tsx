import {
  Alert,
  Button,
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
  type FunctionRunner,
  type UiLanguage,
} from '@keystone/shared';
import { useState } from 'react';
import { useOrganisationMap, type OrganisationMapState } from '../hooks/use-organisation-map';
import { useSetContactKam, type ContactKamSaver } from '../hooks/use-set-contact-kam';
import type { CardMessages } from '../lib/messages';
import { OrganisationMapEditor } from './OrganisationMapEditor';

/** People shown per group; the rest are counted (a company may have hundreds of contacts). */
export const PEOPLE_PER_GROUP = 8;

type OrganisationMapSectionProps = {
  state: OrganisationMapState;
  messages: CardMessages;
  language: UiLanguage;
  /** Setting influence, attitude and career in place; without it the map is read-only. */
  edit?: ContactKamSaver;
};

/** The form is closed, or open on a person (null: the manager picks one in the form). */
type FormState = { open: false } | { open: true; contactId: string | null };

const day = (ms: number, language: UiLanguage) =>
  new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-US', { dateStyle: 'medium' }).format(
    new Date(ms),
  );

/** 003: the buying centre's people by role, with influence, attitude and last contact, and the map's gaps. */
export const OrganisationMapSection = ({ state, messages, language, edit }: OrganisationMapSectionProps) => {
  const [form, setForm] = useState<FormState>({ open: false });
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
  const { map, names, contacts, partial } = state;
  const columns = messages.organisationColumns;
  const texts = messages.organisationEdit;
  const saved = edit?.state.status === 'saved' ? edit.state.value : null;
  const openForm = (contactId: string | null) => {
    edit?.reset();
    setForm({ open: true, contactId });
  };
  return (
    <Flex direction="column" gap="sm" testId="kam-org">
      {heading}
      {saved && (
        <Alert testId="kam-org-edit-saved" variant="success" title={texts.savedTitle}>
          {texts.saved(names.get(saved.contactId)?.name ?? saved.contactId, saved.changedProperties.length)}
        </Alert>
      )}
      {edit &&
        contacts.length > 0 &&
        (form.open ? (
          <OrganisationMapEditor
            contacts={contacts}
            initialContactId={form.contactId}
            saving={edit.state.status === 'saving'}
            failure={edit.state.status === 'failed' ? edit.state.error : null}
            onSave={(values) => void edit.save(values)}
            onCancel={() => {
              edit.reset();
              setForm({ open: false });
            }}
            messages={messages}
          />
        ) : (
          <Flex direction="row">
            <Button testId="kam-org-edit-open" variant="secondary" size="sm" onClick={() => openForm(null)}>
              {texts.open}
            </Button>
          </Flex>
        ))}
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
                  {edit && <TableHeader>{''}</TableHeader>}
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
                      {edit && (
                        <TableCell>
                          <Button
                            testId={`kam-org-edit-${group}-${person.id}`}
                            variant="transparent"
                            size="xs"
                            onClick={() => openForm(person.id)}
                          >
                            {texts.editPerson}
                          </Button>
                        </TableCell>
                      )}
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

export type OrganisationMapPanelProps = Omit<OrganisationMapSectionProps, 'state' | 'edit'> & {
  runFunction: FunctionRunner;
  /** After a save: the company was rescored, so the card reads its properties again. */
  onChanged?: () => Promise<void> | void;
};

/**
 * The section over the company's associated contacts, read when the card opens and read again,
 * every page, after a person's values were saved (the reader is mounted afresh).
 */
export const OrganisationMapPanel = ({
  messages,
  language,
  runFunction,
  onChanged,
}: OrganisationMapPanelProps) => {
  const [nowMs] = useState(() => Date.now());
  const [reading, setReading] = useState(0);
  const edit = useSetContactKam({
    runFunction,
    onSaved: async () => {
      setReading((count) => count + 1);
      await onChanged?.();
    },
  });
  return (
    <OrganisationMapReader key={reading} nowMs={nowMs} messages={messages} language={language} edit={edit} />
  );
};

const OrganisationMapReader = ({
  nowMs,
  ...props
}: Omit<OrganisationMapSectionProps, 'state'> & { nowMs: number }) => {
  const state = useOrganisationMap(nowMs);
  return <OrganisationMapSection state={state} {...props} />;
};
