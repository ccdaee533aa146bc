/** Whether a process of this machine is running: a data directory left by a dead run may be removed. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
