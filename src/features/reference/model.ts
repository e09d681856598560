import { emptyDate, fromIsoDate, toIsoDate, type DateParts } from '@/components/ui/form/date-parts';
import { conflictingKeys, sameValue, type Choice } from '@/components/ui/form/three-way';

/**
 * A reference form is a list of field descriptors. Each says how the field is shown (kind,
 * label, hint, options), where its value sits in the API's body (`path`, dotted for nested
 * objects such as a partnership's agreements), and so how to map a resource to what people type
 * and back, how to compare two versions field by field, and where an API error belongs.
 */

export type Option = { value: string; label: string };

type Common = {
  /** The form field's name (no dots). */
  name: string;
  /** Where the value sits in the API body; defaults to `name`. */
  path?: string;
  label: string;
  hint?: string;
  optional?: boolean;
  /** A heading shown before this field when it starts a new group. */
  section?: string;
  /** The value a new resource starts with, when not empty (a partnership starts exploring). */
  initial?: FieldValue;
};

export type FieldDescriptor =
  | (Common & {
      kind: 'text';
      width?: 'full' | 'half' | 'short';
      inputMode?: 'text' | 'numeric' | 'url' | 'email' | 'tel';
      autoComplete?: string;
      /** Codes such as ISO country codes are sent in capitals, however typed. */
      upperCase?: boolean;
      /** Personal contact data (e-mail, phone): never kept in a draft. */
      personal?: boolean;
      /** The language of what is typed (a local-script name), from the other values. */
      lang?: (values: FormValues) => string | undefined;
    })
  | (Common & { kind: 'textarea' })
  | (Common & {
      kind: 'select' | 'radios' | 'checkboxes';
      options: Option[];
      /** A select shown by the home-government picker (issue 15), as the visit form shows it. */
      homeGovernment?: boolean;
    })
  | (Common & { kind: 'date' })
  | (Common & { kind: 'boolean' })
  | (Common & { kind: 'list'; itemLabel: (n: number) => string; addLabel: string; removeLabel: (n: number) => string });

export type ListItem = { text: string };
export type FieldValue = string | string[] | boolean | DateParts | ListItem[];
export type FormValues = Record<string, FieldValue>;

const pathOf = (d: FieldDescriptor) => d.path ?? d.name;

function getPath(source: unknown, path: string): unknown {
  let value: unknown = source;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((key) => {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
  const last = keys.at(-1) as string;
  if (value !== undefined) node[last] = value;
}

export function emptyValue(d: FieldDescriptor): FieldValue {
  switch (d.kind) {
    case 'checkboxes':
    case 'list':
      return [];
    case 'boolean':
      return false;
    case 'date':
      return emptyDate();
    default:
      return '';
  }
}

export function emptyValues(fields: readonly FieldDescriptor[]): FormValues {
  return Object.fromEntries(fields.map((d) => [d.name, d.initial ?? emptyValue(d)]));
}

/** What the form shows for a stored resource. */
export function fromResource(fields: readonly FieldDescriptor[], resource: object): FormValues {
  return Object.fromEntries(
    fields.map((d) => {
      const v = getPath(resource, pathOf(d));
      switch (d.kind) {
        case 'checkboxes':
          return [d.name, Array.isArray(v) ? v.map(String) : []];
        case 'list':
          return [d.name, Array.isArray(v) ? v.map((text) => ({ text: String(text) })) : []];
        case 'boolean':
          return [d.name, v === true];
        case 'date':
          return [d.name, fromIsoDate(typeof v === 'string' ? v : undefined)];
        default:
          return [d.name, v === undefined || v === null ? '' : String(v)];
      }
    }),
  );
}

const text = (value: unknown) => {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' ? undefined : trimmed;
};

/** One field's value as the API takes it (undefined: absent). */
export function toApiValue(d: FieldDescriptor, value: FieldValue | undefined): unknown {
  switch (d.kind) {
    case 'checkboxes': {
      const chosen = new Set(Array.isArray(value) ? (value as string[]) : []);
      // In the order the options are shown, whatever order they were ticked in.
      const known = d.options.map((o) => o.value).filter((v) => chosen.has(v));
      return [...known, ...[...chosen].filter((v) => !known.includes(v)).sort()];
    }
    case 'list':
      return (Array.isArray(value) ? (value as ListItem[]) : []).map((item) => item.text.trim()).filter(Boolean);
    case 'boolean':
      return value === true;
    case 'date':
      return value && typeof value === 'object' && !Array.isArray(value) ? toIsoDate(value) : undefined;
    case 'text': {
      const v = text(value);
      return v !== undefined && d.upperCase ? v.toUpperCase() : v;
    }
    default:
      return text(value);
  }
}

/** The API body the form's values make (only the fields the form has). */
export function toBody(fields: readonly FieldDescriptor[], values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const d of fields) setPath(body, pathOf(d), toApiValue(d, values[d.name]));
  return body;
}

/** The body's top-level keys the form writes: what a PATCH may send. */
export function topKeys(fields: readonly FieldDescriptor[]): string[] {
  return [...new Set(fields.map((d) => pathOf(d).split('.')[0] as string))];
}

/** Each field as it would be saved, so that "22" and "22 " or a re-ticked box compare equal. */
export function normalized(fields: readonly FieldDescriptor[], values: FormValues): Record<string, unknown> {
  return Object.fromEntries(fields.map((d) => [d.name, toApiValue(d, values[d.name])]));
}

export function sameValues(fields: readonly FieldDescriptor[], a: FormValues, b: FormValues): boolean {
  return sameValue(normalized(fields, a), normalized(fields, b));
}

/** The fields both I and the person who saved first changed, to different values. */
export function conflictingFields(fields: readonly FieldDescriptor[], base: FormValues, mine: FormValues, theirs: FormValues): string[] {
  return conflictingKeys(
    fields.map((d) => d.name),
    normalized(fields, base),
    normalized(fields, mine),
    normalized(fields, theirs),
  );
}

/** Their version, with each of my changes on top unless we both changed a field and theirs was chosen. */
export function resolveValues(
  fields: readonly FieldDescriptor[],
  base: FormValues,
  mine: FormValues,
  theirs: FormValues,
  choices: Partial<Record<string, Choice>>,
): FormValues {
  const [b, m] = [normalized(fields, base), normalized(fields, mine)];
  const conflicts = new Set(conflictingFields(fields, base, mine, theirs));
  const result: FormValues = { ...theirs };
  for (const d of fields) {
    const iChanged = !sameValue(m[d.name], b[d.name]);
    if (iChanged && (!conflicts.has(d.name) || choices[d.name] === 'mine')) result[d.name] = mine[d.name] as FieldValue;
  }
  return result;
}

/** Personal contact data stays on the server: drafts never keep e-mail addresses or phone numbers. */
export function toDraft(fields: readonly FieldDescriptor[], values: FormValues): FormValues {
  const out = { ...values };
  for (const d of fields) if (d.kind === 'text' && d.personal) out[d.name] = '';
  return out;
}

/** A draft's values without the personal fields it never holds, so they do not overwrite what is saved. */
export function withoutPersonal(fields: readonly FieldDescriptor[], values: FormValues): FormValues {
  const out = { ...values };
  for (const d of fields) if (d.kind === 'text' && d.personal) delete out[d.name];
  return out;
}

/**
 * Where an API error path belongs in the form: the field whose value sits there (a date's day
 * box, a list row), or, for a path the form does not show, its first field.
 */
export function fieldNameFor(fields: readonly FieldDescriptor[], apiPath: string): { name: string; descriptor: FieldDescriptor | undefined } {
  const match =
    fields.find((d) => pathOf(d) === apiPath) ??
    fields.find((d) => apiPath.startsWith(`${pathOf(d)}.`)) ??
    fields.find((d) => pathOf(d).startsWith(`${apiPath}.`));
  if (!match) return { name: fields[0]?.name ?? '', descriptor: undefined };
  if (match.kind === 'date') return { name: `${match.name}.day`, descriptor: match };
  if (match.kind === 'list') {
    const index = apiPath.slice(pathOf(match).length + 1).split('.')[0];
    return { name: index && /^\d+$/.test(index) ? `${match.name}.${index}.text` : `${match.name}-add`, descriptor: match };
  }
  return { name: match.name, descriptor: match };
}
