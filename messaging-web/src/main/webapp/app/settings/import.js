// Importing clients from a CSV file, for the practice's admin: the file is read in the browser and sent for a
// preview first (the server creates nothing and says, line by line, what it would add and what is wrong), then
// imported as a whole when every line is valid (mode=all) or, by the admin's choice, only its valid lines
// (mode=valid-lines). The same text is sent both times; nothing of it is kept in the browser after the screen.
import {announce, h, replace} from '../platform/dom.js';
import {Screen} from '../platform/screen.js';
import {lineProblem, plainProblem} from './words.js';

const CSV = 'text/csv';
const EXAMPLE = `name,date_of_birth,minor,email,guardian_name,guardian_email
Ava Stone,1985-06-01,,ava.stone@example.org,,
Ben Stone,2016-03-14,yes,,Cara Stone,cara.stone@example.org`;
const STATUS = {valid: 'Can be added', invalid: 'Has problems', created: 'Added', skipped: 'Skipped'};

export class ClientImport extends Screen {
  constructor(api, {onBack, onOpen}) {
    const file = h('input', {type: 'file', id: 'import-file', accept: '.csv,text/csv', 'aria-describedby': 'import-file-hint'});
    const status = h('div', {class: 'import-status', role: 'status'});
    const report = h('div', {class: 'import-report'});
    super({id: 'import', title: 'Import clients from a file', back: 'Clients and portal accounts', onBack},
      h('section', {class: 'import-format', 'aria-labelledby': 'import-format-title'},
        h('h3', {id: 'import-format-title'}, 'What the file must look like'),
        h('p', {}, 'A CSV file (in a spreadsheet: Save as, then CSV) with the column names in its first row, in any order. '
          + 'Only name is needed; leave a cell empty when you do not know it.'),
        h('ul', {class: 'import-columns'},
          column('name', 'the client\'s name (the one column every file needs)'),
          column('date_of_birth', 'written like 2015-04-30'),
          column('minor', 'yes or no; left empty, the date of birth decides (under 18)'),
          column('email', 'an adult client\'s own e-mail address'),
          column('guardian_name, guardian_email', 'a minor\'s guardian'),
          column('guardian2_name, guardian2_email', 'a second guardian')),
        h('p', {class: 'hint', id: 'import-example-title'}, 'An example with an adult and a minor:'),
        h('pre', {class: 'import-example', 'aria-labelledby': 'import-example-title', tabindex: '0'}, EXAMPLE)),
      h('section', {class: 'import-choose', 'aria-labelledby': 'import-choose-title'},
        h('h3', {id: 'import-choose-title'}, 'Choose the file'),
        h('label', {for: 'import-file'}, 'CSV file'), file,
        h('p', {class: 'hint', id: 'import-file-hint'}, 'Nothing is added yet: you first see what the file holds, line by line.')),
      status, report);
    this.api = api;
    this.file = file;
    this.status = status;
    this.report = report;
    this.onOpen = onOpen;
    this.text = null;
    file.addEventListener('change', () => this.preview());
  }

  hide() {
    super.hide();
    // What the file held stays no longer than the screen.
    this.text = null;
    this.file.value = '';
    replace(this.status);
    replace(this.report);
  }

  async preview() {
    const chosen = this.file.files[0];
    replace(this.report);
    if (!chosen) {
      replace(this.status);
      return;
    }
    replace(this.status, h('p', {class: 'hint'}, `Reading ${chosen.name}…`));
    try {
      this.text = await chosen.text();
      const found = await this.api.postText('admin/clients/import?mode=preview', this.text, CSV);
      this.render(found);
    } catch (e) {
      this.text = null;
      replace(this.status, h('p', {class: 'error'}, `This file cannot be imported: ${plainProblem(e)}`));
    }
  }

  /** A preview's summary, its lines, and the import it allows. */
  render(found) {
    const lines = found.lines === 1 ? '1 client line' : `${found.lines} client lines`;
    replace(this.status, h('p', {class: 'import-summary'}, found.invalid
      ? `The file has ${lines}: ${found.valid} can be added, ${found.invalid} ${found.invalid === 1 ? 'has' : 'have'} problems (see below).`
      : `The file has ${lines}, and ${found.lines === 1 ? 'it' : 'every one'} can be added.`));
    const actions = h('p', {class: 'import-actions'});
    if (!found.invalid) {
      actions.append(h('button', {type: 'button', class: 'task-open import-all', onclick: () => this.run('all')},
        found.valid === 1 ? 'Import 1 client' : `Import ${found.valid} clients`));
    } else if (found.valid) {
      actions.append(h('button', {type: 'button', class: 'task-open import-valid', onclick: () => this.run('valid-lines')},
        `Import the ${found.valid} valid ${found.valid === 1 ? 'line' : 'lines'}, skip ${found.invalid}`));
    }
    replace(this.report, table(found, 'What the file holds', null), actions,
      found.invalid ? h('p', {class: 'hint'}, 'Or correct the file and choose it again.') : null);
  }

  async run(mode) {
    const buttons = this.report.querySelectorAll('.import-actions button');
    buttons.forEach(b => { b.disabled = true; });
    try {
      const done = await this.api.postText(`admin/clients/import?mode=${mode}`, this.text, CSV);
      const skipped = done.lines - done.created;
      const said = `Imported ${done.created === 1 ? '1 client' : `${done.created} clients`}`
        + (skipped ? `; skipped ${skipped === 1 ? '1 line' : `${skipped} lines`}.` : '.');
      replace(this.status, h('p', {class: 'import-summary done', tabindex: '-1'}, said,
        done.created ? ' Choose a name to see that client and invite them.' : ''));
      replace(this.report, table(done, 'What was imported', this.onOpen));
      this.text = null;
      this.file.value = '';
      this.status.querySelector('.import-summary').focus();
      announce(said);
    } catch (e) {
      buttons.forEach(b => { b.disabled = false; });
      replace(this.status, h('p', {class: 'error'}, `Nothing was imported: ${plainProblem(e)}`));
    }
  }
}

function column(names, what) {
  return h('li', {}, ...names.split(', ').flatMap((n, i) => [i ? ', ' : '', h('code', {}, n)]), `: ${what}`);
}

/**
 * Line, name, minor, guardians, status and problems, one row a line; a phone shows each row as a small card. A client
 * the import created is a button that opens their record (open), where their portal accounts are invited. The roles
 * are explicit because a table that CSS turns into blocks is no longer a table to some screen readers.
 */
function table(report, caption, open) {
  const head = ['Line', 'Name', 'Minor', 'Guardians', 'Status', 'Problems'];
  const cell = (label, ...content) => h('td', {role: 'cell', 'data-label': label}, ...content);
  return h('table', {class: 'import-lines', role: 'table', 'aria-label': caption},
    h('caption', {}, caption),
    h('thead', {role: 'rowgroup'}, h('tr', {role: 'row'}, head.map(t => h('th', {scope: 'col', role: 'columnheader'}, t)))),
    h('tbody', {role: 'rowgroup'}, report.results.map(line => h('tr', {role: 'row', class: `line-${line.status}`, 'data-line': line.line},
      cell('Line', String(line.line)),
      cell('Name', open && line.clientId
        ? h('button', {type: 'button', class: 'link-button open-client', onclick: () => open({id: line.clientId, displayName: line.displayName})},
          line.displayName)
        : line.displayName || h('span', {class: 'hint'}, 'No name')),
      cell('Minor', line.status === 'invalid' || line.status === 'skipped' ? '–' : line.minor ? 'Yes' : 'No'),
      cell('Guardians', line.status === 'invalid' || line.status === 'skipped' ? '–' : String(line.guardians)),
      cell('Status', h('span', {class: `tag ${{valid: 'ok', created: 'ok', invalid: 'off', skipped: 'waiting'}[line.status] || ''}`},
        STATUS[line.status] || line.status)),
      cell('Problems', line.problems.length
        ? h('ul', {class: 'line-problems'}, line.problems.map(p => h('li', {}, lineProblem(p))))
        : h('span', {class: 'hint'}, 'None'))))));
}
