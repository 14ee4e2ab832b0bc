import { Input, MultiSelect, NumberInput } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { UiLanguage } from '@keystone/shared';
import type { FieldDescriptor } from '../lib/model-fields';

type ModelFieldProps = {
  descriptor: FieldDescriptor;
  value: unknown;
  errors: string[];
  language: UiLanguage;
  onChange: (path: string, value: unknown) => void;
};

const testIdOf = (path: string): string => `kam-field-${path}`;

const parseList = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/**
 * A comma-separated list. The text is kept as typed, so a trailing comma survives a keystroke.
 */
const TextListInput = ({
  common,
  value,
  onChange,
}: {
  common: {
    testId: string;
    name: string;
    label: string;
    description: string;
    error: boolean;
    validationMessage: string;
  };
  value: string[];
  onChange: (value: string[]) => void;
}) => {
  const [text, setText] = useState(value.join(', '));
  // Show the text as typed while it still means the current list; after an outside change
  // (e.g. "Discard changes") show the list itself.
  const shown = parseList(text).join(',') === value.join(',') ? text : value.join(', ');
  return (
    <Input
      {...common}
      value={shown}
      onChange={(next) => {
        setText(next);
        onChange(parseList(next));
      }}
    />
  );
};

/** One field of the model: its label, what it means, its value, and the schema's message when it is wrong. */
export const ModelField = ({ descriptor, value, errors, language, onChange }: ModelFieldProps) => {
  const { path, input } = descriptor;
  const common = {
    testId: testIdOf(path),
    name: path,
    label: descriptor.label[language],
    description: descriptor.meaning[language],
    error: errors.length > 0,
    validationMessage: errors.join('; '),
  };
  switch (input.kind) {
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : undefined}
          min={input.min}
          max={input.max}
          precision={input.precision}
          // A cleared box reports NaN; keep it as "no number" so the schema names the field.
          onChange={(next) => onChange(path, typeof next === 'number' && !Number.isNaN(next) ? next : null)}
        />
      );
    case 'text':
      return (
        <Input
          {...common}
          readOnly={input.readOnly}
          value={typeof value === 'string' ? value : ''}
          onChange={(next) => onChange(path, next)}
        />
      );
    case 'text-list':
      return (
        <TextListInput
          common={common}
          value={Array.isArray(value) ? value.map(String) : []}
          onChange={(next) => onChange(path, next)}
        />
      );
    case 'choice-list':
      return (
        <MultiSelect
          {...common}
          value={Array.isArray(value) ? (value as string[]) : []}
          options={input.options.map((option) => ({ label: option, value: option }))}
          onChange={(next) => onChange(path, next.map(String))}
        />
      );
  }
};
