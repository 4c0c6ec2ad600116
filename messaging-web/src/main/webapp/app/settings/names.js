// The names practitioners' messages are sent under, kept by the practice's admin: one form with a row per
// practitioner and one Save for all of them, which sends only the names that changed (a Save under every
// field repeated the primary action once per practitioner and, on a phone, filled the screen with it).
import {problemText} from '../platform/dialog.js';
import {h, replace} from '../platform/dom.js';

/** The section for GET admin/practice/messaging's `practitioners` [{id, displayName, sendsAs}]. */
export function practitionerNames(api, practitioners) {
  const rows = practitioners.map(p => {
    const id = `name-${p.id}`;
    const input = h('input', {type: 'text', id, maxlength: '100', value: p.sendsAs, 'aria-describedby': `${id}-note names-hint`});
    const note = h('span', {class: 'row-note', id: `${id}-note`});
    return {practitioner: p, input, note, element: h('li', {}, h('label', {for: id}, p.displayName), input, note)};
  });
  const status = h('p', {class: 'hint', role: 'status'});
  const save = async event => {
    event.preventDefault();
    rows.forEach(r => { r.note.textContent = ''; });
    // A blank name is the directory name again (null); a name the server already has is left alone.
    const changed = rows.filter(r => r.input.value.trim() !== r.practitioner.sendsAs);
    if (!changed.length) {
      status.textContent = 'No name changed.';
      return;
    }
    const failed = [];
    for (const row of changed) {
      row.input.removeAttribute('aria-invalid');
      try {
        row.practitioner = await api.put(`admin/practitioners/${row.practitioner.id}/messaging-name`,
          {displayName: row.input.value.trim() || null});
        row.input.value = row.practitioner.sendsAs;
        row.note.textContent = 'Saved';
      } catch (e) {
        row.input.setAttribute('aria-invalid', 'true');
        row.note.textContent = `Not saved: ${problemText(e)}`;
        failed.push(row);
      }
    }
    const saved = changed.length - failed.length;
    replace(status, failed.length
      ? `${failed.length} of ${changed.length} not saved; see the ${failed.length === 1 ? 'name' : 'names'} marked.`
      : `Saved ${saved === 1 ? '1 name' : `${saved} names`}. Messages already sent keep the name they were sent under.`);
  };
  return h('section', {class: 'setting', 'aria-labelledby': 'names-title'},
    h('h3', {id: 'names-title'}, 'Names in messages'),
    h('p', {class: 'hint', id: 'names-hint'}, 'What clients see as the sender of each practitioner\'s messages. Leave a name empty to use the directory name.'),
    h('form', {class: 'practitioner-names', onsubmit: save},
      h('ul', {}, rows.map(r => r.element)),
      h('div', {class: 'form-actions'}, h('button', {type: 'submit', class: 'save-names'}, 'Save names'), status)));
}
