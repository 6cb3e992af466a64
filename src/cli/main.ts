/** Entry point: parse argv, run a command, return the exit code. */
export async function main(_argv: string[]): Promise<number> {
  return 0;
}
