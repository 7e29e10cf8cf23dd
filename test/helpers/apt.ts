import { execFileSync } from 'node:child_process';

let updated = false;

/** apt-get as root: directly when the tests run as root, else through passwordless sudo. */
function aptGet(args: readonly string[], timeout: number): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Wait for another apt or dpkg run (unattended upgrades, say) instead of failing at once.
  const full = ['-o', 'DPkg::Lock::Timeout=300', ...args];
  const [command, commandArgs] = process.getuid?.() === 0 ? ['apt-get', full] : ['sudo', ['-n', 'apt-get', ...full]];
  try {
    execFileSync(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'], env, timeout, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const output = error instanceof Error && 'stderr' in error ? String((error as { stderr: unknown }).stderr).trim().slice(-2000) : '';
    throw new Error(`apt-get ${args.join(' ')} failed${output === '' ? '' : `:\n${output}`}`);
  }
}

/** Installs Debian packages, refreshing the package lists at most once per process. */
export function aptInstall(...packages: string[]): void {
  if (!updated) {
    aptGet(['update', '-qq'], 300_000);
    updated = true;
  }
  aptGet(['install', '-y', '-qq', '--no-install-recommends', ...packages], 600_000);
}
