import { AuditPanel, type PanelDeps } from './audit-panel.js';
import { ConsoleApi } from './console-api.js';
import { byId, clear, say } from './dom.js';
import { isSignInProblem, problemMessage } from './problem-message.js';
import { sessionToken } from './session-token.js';
import { SubjectPanel } from './subject-panel.js';
import { tokenClaims } from './token-claims.js';
import { VerifyPanel } from './verify-panel.js';

const signIn = byId('sign-in', HTMLElement);
const signInForm = byId('sign-in-form', HTMLFormElement);
const tokenInput = byId('token', HTMLTextAreaElement);
const workspace = byId('workspace', HTMLElement);
const session = byId('session', HTMLElement);
const signedInAs = byId('signed-in-as', HTMLElement);
const consoleStatus = byId('console-status', HTMLElement);

const api = new ConsoleApi(() => sessionToken.get());
const deps: PanelDeps = {
  api,
  onProblem: (problem, status) => {
    // A refused token ends the session: nothing already shown may stay on screen for it.
    if (isSignInProblem(problem)) {
      signOut(problemMessage(problem));
      return false;
    }
    say(status, 'alert', problemMessage(problem));
    return true;
  },
};
const audit = new AuditPanel(deps);
const verify = new VerifyPanel(deps);
const subject = new SubjectPanel(deps);

function signOut(message?: string): void {
  sessionToken.clear();
  workspace.hidden = true;
  session.hidden = true;
  signedInAs.textContent = '';
  audit.reset();
  verify.reset();
  subject.reset();
  signIn.hidden = false;
  if (message === undefined) clear(consoleStatus);
  else say(consoleStatus, 'alert', message);
}

/**
 * The first search doubles as the sign-in check: the workspace appears only once the API has
 * accepted the token for the audit log, so a token of another role never sees a data panel.
 */
async function start(): Promise<void> {
  const token = sessionToken.get();
  if (token === undefined) return signOut();
  say(consoleStatus, 'info', 'Signing in…');
  const accepted = await audit.search();
  if (!accepted) return;
  const claims = tokenClaims(token);
  signedInAs.textContent = `Signed in as ${claims.subject ?? 'unknown'} (${claims.role ?? 'no role'})`;
  signIn.hidden = true;
  session.hidden = false;
  workspace.hidden = false;
  clear(consoleStatus);
}

signInForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const token = tokenInput.value.trim();
  tokenInput.value = '';
  if (token === '') return;
  sessionToken.set(token);
  void start();
});
byId('sign-out', HTMLButtonElement).addEventListener('click', () => signOut());

void start();
