import { Alert, Button, Flex, LoadingButton, Select, Text, Tile } from '@hubspot/ui-extensions';
import { useState } from 'react';
import {
  ATTITUDES,
  CAREER_STAGES,
  CONTACT_KAM_FIELD_NAMES,
  INFLUENCE_LEVELS,
  type ContactKamFieldName,
  type FunctionError,
} from '@keystone/shared';
import type { MapContactOption } from '../hooks/use-organisation-map';
import type { ContactKamEdit } from '../hooks/use-set-contact-kam';
import type { CardMessages } from '../lib/messages';

/** The Select value of "not set": the function clears the property with ''. */
const NOT_SET = '';

type Values = Record<ContactKamFieldName, string>;

const valuesOf = (contact: MapContactOption | undefined): Values => ({
  influence: contact?.influence ?? NOT_SET,
  attitude: contact?.attitude ?? NOT_SET,
  career: contact?.career ?? NOT_SET,
});

type OrganisationMapEditorProps = {
  contacts: readonly MapContactOption[];
  /** The person whose row's "Edit" opened the form; null: the manager picks one. */
  initialContactId: string | null;
  saving: boolean;
  /** The function's refusal of the last save, shown as it said it. */
  failure: FunctionError | null;
  onSave: (edit: ContactKamEdit) => void;
  onCancel: () => void;
  messages: CardMessages;
};

/**
 * Influence, attitude and career of one person, set in place on the card (003). The person Select
 * lists every contact read, mapped or not, and HubSpot's Select searches it as the manager types,
 * so it stays usable with hundreds of people. Only the values the manager changed are sent.
 */
export const OrganisationMapEditor = ({
  contacts,
  initialContactId,
  saving,
  failure,
  onSave,
  onCancel,
  messages,
}: OrganisationMapEditorProps) => {
  const texts = messages.organisationEdit;
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const [contactId, setContactId] = useState<string | null>(initialContactId);
  const [values, setValues] = useState<Values>(() => valuesOf(byId.get(initialContactId ?? '')));
  const [problem, setProblem] = useState<'choosePerson' | 'unchanged' | null>(null);
  const contact = contactId === null ? undefined : byId.get(contactId);

  const choose = (id: string) => {
    setContactId(id);
    setValues(valuesOf(byId.get(id)));
    setProblem(null);
  };

  const submit = () => {
    if (!contact) {
      setProblem('choosePerson');
      return;
    }
    const stored = valuesOf(contact);
    const changed = CONTACT_KAM_FIELD_NAMES.filter((field) => values[field] !== stored[field]);
    if (changed.length === 0) {
      setProblem('unchanged');
      return;
    }
    setProblem(null);
    onSave({
      contactId: contact.id,
      ...Object.fromEntries(changed.map((field) => [field, values[field]])),
    });
  };

  // the function's own words next to the field it refused
  const issueOf = (path: string) => failure?.issues?.find((issue) => issue.path === path)?.message;

  const labelled = <T extends string>(options: readonly T[], labels: Record<T, string>) => [
    { value: NOT_SET, label: texts.notSet },
    ...options.map((value) => ({ value, label: labels[value] })),
  ];
  const fieldOptions: Record<ContactKamFieldName, { value: string; label: string }[]> = {
    influence: labelled(INFLUENCE_LEVELS, messages.influenceLabels),
    attitude: labelled(ATTITUDES, messages.attitudeLabels),
    career: labelled(CAREER_STAGES, messages.careerLabels),
  };

  const personIssue = problem === 'choosePerson' ? texts.choosePerson : issueOf('contactId');
  return (
    <Tile testId="kam-org-edit-form" compact>
      <Flex direction="column" gap="sm">
        {failure && (
          <Alert testId="kam-org-edit-error" variant="danger" title={texts.failedTitle}>
            {failure.message}
          </Alert>
        )}
        <Select
          testId="kam-org-edit-contact"
          name="contactId"
          label={texts.person}
          placeholder={texts.personPlaceholder}
          required
          value={contactId ?? undefined}
          options={contacts.map((option) => ({
            value: option.id,
            label: option.jobTitle ? `${option.name}, ${option.jobTitle}` : option.name,
          }))}
          error={personIssue !== undefined}
          validationMessage={personIssue}
          onChange={(value) => choose(String(value))}
        />
        {CONTACT_KAM_FIELD_NAMES.map((field) => (
          <Select
            key={field}
            testId={`kam-org-edit-${field}`}
            name={field}
            label={texts.fields[field]}
            readOnly={!contact}
            value={values[field]}
            options={fieldOptions[field]}
            error={issueOf(field) !== undefined}
            validationMessage={issueOf(field)}
            onChange={(value) => {
              setValues((current) => ({ ...current, [field]: String(value) }));
              setProblem(null);
            }}
          />
        ))}
        {problem === 'unchanged' && (
          <Text testId="kam-org-edit-unchanged" variant="microcopy">
            {texts.unchanged}
          </Text>
        )}
        <Flex direction="row" gap="xs">
          <LoadingButton testId="kam-org-edit-save" loading={saving} onClick={submit}>
            {texts.save}
          </LoadingButton>
          <Button testId="kam-org-edit-cancel" variant="secondary" onClick={onCancel}>
            {messages.cancel}
          </Button>
        </Flex>
      </Flex>
    </Tile>
  );
};
