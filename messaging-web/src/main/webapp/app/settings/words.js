// What an admin reads when the server refuses something they typed while adding people: plain words for the
// onboarding problems (docs/problems.md), instead of the API's titles, which name its fields (displayName,
// dateOfBirth). A problem without words of its own keeps the server's title.
import {ProblemError} from '../platform/api.js';
import {problemText} from '../platform/dialog.js';

const WORDS = {
  'invalid-display-name': 'Write a name, on one line, of at most 100 characters.',
  'invalid-email': 'This is not an e-mail address: write it like name@example.org, or leave it empty.',
  'invalid-external-id': 'Write the ID without spaces (at most 200 characters), or leave it empty.',
  'invalid-role': 'Choose practitioner or admin.',
  'invalid-date-of-birth': 'Write the date of birth like 2015-04-30: not in the future, nor more than 130 years ago.',
  'invalid-minor': 'Write yes or no in the minor column, or leave it empty to go by the date of birth.',
  'guardian-required': 'A minor needs at least one guardian.',
  'email-of-minor': 'A minor has no portal account of their own: give their guardians\' e-mail addresses instead.',
  'guardians-of-adult': 'Only a minor has guardians: an adult signs in to the portal themself.',
  'too-many-guardians': 'A client can have at most 4 guardians.',
  'duplicate-email': 'Two people here have the same e-mail address: each person needs their own.',
  'email-in-use': 'Someone in the practice already has this e-mail address.',
  'external-id-in-use': 'Another practitioner or admin already has this ID.',
  'cannot-disable-self': 'You cannot switch off your own account: another admin can.',
};

/** A refused call in plain words: the onboarding problem's, else the server's title (or that it cannot be reached). */
export function plainProblem(error) {
  return (error instanceof ProblemError && WORDS[error.type]) || problemText(error);
}

/** The columns of an import file, as the admin's spreadsheet names them. */
export const COLUMNS = {
  name: 'Name',
  date_of_birth: 'Date of birth',
  minor: 'Minor',
  email: 'E-mail',
  guardian_name: 'Guardian',
  guardian_email: 'Guardian\'s e-mail',
  guardian2_name: 'Second guardian',
  guardian2_email: 'Second guardian\'s e-mail',
};

/** One problem of an import line ({column, type, detail}) in plain words, with the column it is in. */
export function lineProblem(problem) {
  const words = problem.type === 'duplicate-email'
    ? 'The same e-mail address is given twice, on this line or an earlier one: each person needs their own.'
    : WORDS[problem.type] || problem.detail;
  const column = COLUMNS[problem.column];
  return column ? `${column}: ${words}` : words;
}
