/**
 * npm run create-admin -- [--db path/to/mitra.db] [--force]
 *
 * Creates the first administrator of a Mitra database, once. Reads MITRA_ADMIN_EMAIL,
 * MITRA_ADMIN_NAME and MITRA_ADMIN_PASSWORD, or asks for them (the password without echo).
 * Refuses when an active administrator who can sign in already exists, unless --force (which
 * makes the given email an administrator and sets its password). There is no default password.
 *
 * Run it with the server stopped: the server loads the users at start.
 */
import { createInterface } from 'node:readline/promises';
import { stdin, stdout } from 'node:process';
import { adminSeedFromEnv, bootstrapAdmin } from '../server/auth/bootstrap';
import { createAuth } from '../server/auth/auth';
import { createDbAuthStore } from '../server/auth/db-store';
import { openSqlite } from '../server/db/engine';
import { PASSWORD_MAX, PASSWORD_MIN } from '../server/auth/password';
import { openSqliteStore } from '../server/sqlite/store';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function ask(question: string, secret = false): Promise<string> {
  const rl = createInterface({ input: stdin, output: stdout, terminal: true });
  if (secret) {
    // Print the question, then swallow what is typed instead of echoing it.
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    stdout.write(question);
    output._writeToOutput = () => undefined;
    const answer = await rl.question('');
    stdout.write('\n');
    rl.close();
    return answer;
  }
  const answer = await rl.question(question);
  rl.close();
  return answer.trim();
}

async function main(): Promise<void> {
  const path = option('--db') ?? process.env.MITRA_DB ?? 'data/mitra.sqlite';
  const force = process.argv.includes('--force');
  let seed = adminSeedFromEnv();
  if (!seed) {
    if (!stdin.isTTY) {
      console.error('Set MITRA_ADMIN_EMAIL, MITRA_ADMIN_NAME and MITRA_ADMIN_PASSWORD, or run this in a terminal.');
      process.exit(2);
    }
    const email = await ask('Email: ');
    const name = await ask('Name: ');
    const password = await ask(`Password (${PASSWORD_MIN}–${PASSWORD_MAX} characters, spaces allowed): `, true);
    const again = await ask('Password again: ', true);
    if (password !== again) {
      console.error('The passwords differ. Nothing was changed.');
      process.exit(2);
    }
    seed = { email, name, password };
  }
  const { store, db, close } = openSqliteStore(path, { seed: 'empty' });
  try {
    const auth = createAuth({ store: createDbAuthStore(openSqlite({ path, handle: db })) });
    const result = await bootstrapAdmin(store, auth, { ...seed, force });
    if (!result.created) {
      console.error(`An administrator already exists (${result.user.email}). Use --force to add or reset one anyway.`);
      process.exitCode = 1;
      return;
    }
    // Never the password: only who was made administrator.
    console.log(`Administrator ready: ${result.user.name} <${result.user.email}> (${result.user.id}) in ${path}.`);
  } finally {
    close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
