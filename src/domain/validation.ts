/**
 * A field error is the one shape every layer speaks: the API returns it in problem+json,
 * the forms show it beside the field. `code` is stable and translated by the client;
 * `message` is the API's plain English for anyone reading the raw response.
 */
export type FieldErrorCode =
  | 'required'
  | 'invalidType'
  | 'tooShort'
  | 'tooLong'
  | 'tooMany'
  | 'tooSmall'
  | 'tooBig'
  | 'invalidOption'
  | 'invalidDate'
  | 'invalidTime'
  | 'invalidUrl'
  | 'invalidEmail'
  | 'invalidCountry'
  | 'invalidTimeZone'
  | 'invalidFormat'
  | 'unknownField'
  | 'unknownReference'
  | 'dueDateRequired'
  | 'ownerRequired'
  | 'dueBeforeMeeting'
  | 'reasonRequired'
  | 'invalidTransition'
  | 'sameStage'
  | 'partnerRequired'
  | 'partnershipRequired'
  | 'affiliationRequired'
  | 'dateOrder'
  | 'duplicate'
  | 'guessablePassword'
  | 'futureDate'
  | 'lowContrast'
  | 'invalid';

export type FieldError = {
  path: string;
  code: FieldErrorCode;
  message: string;
  params?: Record<string, string | number>;
};

const ENGLISH: Record<FieldErrorCode, (p: Record<string, string | number>) => string> = {
  required: () => 'This field is required.',
  invalidType: () => 'This value has the wrong type.',
  tooShort: (p) => `Must be at least ${p.min} characters.`,
  tooLong: (p) => `Must be ${p.max} characters or fewer.`,
  tooMany: (p) => `Must have ${p.max} entries or fewer.`,
  tooSmall: (p) => `Must be at least ${p.min}.`,
  tooBig: (p) => `Must be at most ${p.max}.`,
  invalidOption: () => 'Choose one of the allowed options.',
  invalidDate: () => 'Enter a real date (YYYY-MM-DD).',
  invalidTime: () => 'Enter a time as HH:MM (24-hour).',
  invalidUrl: () => 'Enter a web address starting with http:// or https://.',
  invalidEmail: () => 'Enter an e-mail address like name@example.org.',
  invalidCountry: () => 'Enter a two-letter country code (ISO 3166-1), like ID or CN.',
  invalidTimeZone: () => 'Enter a time zone like Asia/Jakarta.',
  invalidFormat: () => 'This value is not in the expected format.',
  unknownField: () => 'This field is not allowed here.',
  unknownReference: () => 'This refers to something that does not exist.',
  dueDateRequired: () => 'An open follow-up needs a due date.',
  ownerRequired: () => 'A follow-up with a due date needs an owner: choose one, or leave the due date empty until it is assigned.',
  dueBeforeMeeting: () => 'The due date cannot be before the meeting date.',
  reasonRequired: () => 'Give a reason when a follow-up is blocked.',
  invalidTransition: (p) => `A partnership cannot move from "${p.from}" to "${p.to}".`,
  sameStage: () => 'The partnership is already at this stage.',
  partnerRequired: () => 'Choose a partner region or a partner organisation (one of them).',
  partnershipRequired: () => 'Choose a partnership, or enter the new partner region (one of them).',
  affiliationRequired: () => 'Choose the region or the organisation this person belongs to.',
  dateOrder: () => 'The end date must be after the start date.',
  duplicate: () => 'This value is already used.',
  guessablePassword: () => 'Too easy to guess.',
  futureDate: () => 'Cannot be after today.',
  lowContrast: (p) => `This colour is too light to read on the chart background: it needs a contrast of at least ${p.min}:1 against white.`,
  invalid: () => 'This value is not valid.',
};

export function fieldError(
  path: string,
  code: FieldErrorCode,
  params: Record<string, string | number> = {},
): FieldError {
  return Object.keys(params).length > 0
    ? { path, code, message: ENGLISH[code](params), params }
    : { path, code, message: ENGLISH[code](params) };
}

export function isFieldErrorCode(value: string): value is FieldErrorCode {
  return Object.hasOwn(ENGLISH, value);
}
