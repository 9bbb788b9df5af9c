/**
 * Resolves once stdout has taken the text, so a long export holds one page in memory however slow
 * the reader is. A reader that goes away early (`| head`) ends the output, not in an error.
 */
export function writeStdout(text: string): Promise<'written' | 'closed'> {
  // The write's callback reports the error; without a listener, the same error event would crash.
  if (process.stdout.listenerCount('error') === 0) process.stdout.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => {
      if (!error) resolve('written');
      else if ((error as NodeJS.ErrnoException).code === 'EPIPE') resolve('closed');
      else reject(error);
    });
  });
}
