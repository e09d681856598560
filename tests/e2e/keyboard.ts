import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Drives a page with the keyboard only, counting what a keyboard user does: tab stops and
 * keystrokes. Tabbing walks forward from wherever focus is until the target has focus.
 */
export class Keyboard {
  tabs = 0;
  keys = 0;

  constructor(private readonly page: Page) {}

  async tabTo(target: Locator, { max = 80, backwards = false } = {}): Promise<void> {
    for (let i = 0; i < max; i += 1) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
      this.tabs += 1;
    }
    await expect(target, `reached by Tab within ${max} stops`).toBeFocused();
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    this.keys += [...text].length;
  }

  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i += 1) await this.page.keyboard.press(key);
    this.keys += times;
  }

  /** Tab to a field and type into it. */
  async fill(target: Locator, text: string): Promise<void> {
    await this.tabTo(target);
    await this.type(text);
  }

  /** Tab to a native select and type the start of an option's text (how keyboard users pick). */
  async choose(target: Locator, optionText: string): Promise<void> {
    await this.tabTo(target);
    await this.type(optionText);
    await expect(target.locator('option:checked')).toContainText(optionText);
  }

  /** Tab to a checkbox or radio and press Space. */
  async check(target: Locator): Promise<void> {
    await this.tabTo(target);
    await this.press('Space');
    await expect(target).toBeChecked();
  }

  get steps(): number {
    return this.tabs + this.keys;
  }
}
