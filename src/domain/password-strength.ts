/**
 * How guessable a new password is, with zxcvbn-ts and its common dictionary (the most used
 * passwords of published breaches, common words, keyboard patterns, repeats such as
 * "aaaaaaaaaaaaaaa" or fifteen spaces). OWASP ASVS 5.0 V6.2.4: a new password is checked against
 * commonly used passwords. The dictionary is large (about 1 MB), so it is imported on demand:
 * the API loads it at the first password it checks. Only the server imports this module; the
 * browser shows the API's answer (the app's bundles never carry the dictionary).
 */
export type PasswordStrength = {
  /** zxcvbn's score: 0 (too guessable) … 4 (very unguessable). */
  score: 0 | 1 | 2 | 3 | 4;
  /** Too easy to guess to be accepted (score below STRONG_ENOUGH). */
  guessable: boolean;
};

/** The lowest score accepted: 3, "safely unguessable" against an online or slow-hash attack. */
export const STRONG_ENOUGH = 3;

type Checker = { check(password: string, userInputs?: Array<string | number>): { score: 0 | 1 | 2 | 3 | 4 } };

let checker: Promise<Checker> | undefined;

function loadChecker(): Promise<Checker> {
  checker ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary },
        graphs: common.adjacencyGraphs,
      }),
  );
  return checker;
}

/**
 * The strength of `password`; `userInputs` (the person's name and e-mail, "mitra") make a
 * password built from them count as guessable.
 */
export async function passwordStrength(password: string, userInputs: readonly string[] = []): Promise<PasswordStrength> {
  const zxcvbn = await loadChecker();
  // zxcvbn's time grows with length; past 100 characters a passphrase is long enough anyway.
  const { score } = zxcvbn.check(password.slice(0, 100), ['mitra', ...userInputs.flatMap((input) => input.toLowerCase().split(/[\s@.]+/))]);
  return { score, guessable: score < STRONG_ENOUGH };
}
