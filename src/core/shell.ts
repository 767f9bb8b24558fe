// Commands the tool prints for the user to paste: every argument quoted for a
// POSIX shell where it needs it, so a file name with a space or an
// organisation called "O'Brien & Co" pastes as one argument.
import { quote } from 'shell-quote';

/** The command line, run from the workspace (paths in it are relative to the workspace). */
export function shellCommand(...args: string[]): string {
  return quote(args);
}
