// The test runner's configuration: the build brought up to date before the tests start (test/global-setup.ts), and
// time limits that catch a hang rather than a slow machine: commands load their modules when they run, so a test that
// runs one also pays for its loading (tests never time anything; benchmarks do).
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { globalSetup: ['test/global-setup.ts'], testTimeout: 60_000, hookTimeout: 120_000 } });
