import { chromium, type Browser } from '@playwright/test';
import { assertChromium, chromiumArgs, chromiumPath } from '../e2e/chromium';

export async function launchChromium(): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}
