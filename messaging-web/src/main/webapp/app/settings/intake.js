// Adding a client by hand, for the practice's admin: name, date of birth, minor or not (ticked by itself when the
// date of birth makes them under 18; the admin can change it), and either the adult's own e-mail or a minor's
// guardians (one to start, up to four). Each person added gets a portal account that signs in once invited.
import {dialog} from '../platform/dialog.js';
import {h, replace} from '../platform/dom.js';
import {plainProblem} from './words.js';

export const MAX_GUARDIANS = 4;
const ADULT_AGE = 18;

/** Today as the date input writes it (YYYY-MM-DD), in the admin's own time zone. */
export function today(now = new Date()) {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Whether someone born on this day (YYYY-MM-DD) is under 18 today; null for no date. */
export function underAge(born, now = new Date()) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(born || '');
  if (!match) {
    return null;
  }
  const [year, month, day] = match.slice(1).map(Number);
  const adult = `${year + ADULT_AGE}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return adult > today(now);
}

/** A guardian's name and e-mail fields; n counts from 1. */
export function guardianFields(prefix, n, onRemove) {
  const name = h('input', {type: 'text', id: `${prefix}-name-${n}`, maxlength: '100', autocomplete: 'off'});
  const email = h('input', {type: 'email', id: `${prefix}-email-${n}`, maxlength: '254', autocomplete: 'off',
    'aria-describedby': `${prefix}-email-hint`});
  const element = h('fieldset', {class: 'guardian'},
    h('legend', {}, n === 1 ? 'Guardian' : `Guardian ${n}`),
    h('div', {class: 'field'}, h('label', {for: name.id}, 'Name'), name),
    h('div', {class: 'field'}, h('label', {for: email.id}, 'E-mail (optional)'), email),
    onRemove ? h('button', {type: 'button', class: 'secondary remove-guardian', 'aria-label': `Remove guardian ${n}`,
      onclick: onRemove}, 'Remove') : null);
  return {element, name, email, value: () => ({displayName: name.value.trim(), email: email.value.trim() || null})};
}

/** The "Add a client" dialog; onAdded(record) once the server has added them. */
export function addClient(api, onAdded) {
  const name = h('input', {type: 'text', id: 'client-name', maxlength: '100', autocomplete: 'off'});
  const born = h('input', {type: 'date', id: 'client-born', max: today(), min: '1900-01-01', 'aria-describedby': 'client-born-hint'});
  const minor = h('input', {type: 'checkbox', id: 'client-minor', 'aria-describedby': 'client-minor-hint'});
  const email = h('input', {type: 'email', id: 'client-email', maxlength: '254', autocomplete: 'off', 'aria-describedby': 'client-email-hint'});
  const guardians = [];
  const list = h('div', {class: 'guardians'});
  const more = h('button', {type: 'button', class: 'secondary add-guardian', onclick: () => {
    addGuardian();
    guardians.at(-1).name.focus();
  }}, 'Add another guardian');
  const room = h('p', {class: 'hint', id: 'guardians-room', 'aria-live': 'polite'});
  const renumber = () => {
    const kept = guardians.map(g => g.value());
    guardians.length = 0;
    replace(list);
    kept.forEach(v => {
      addGuardian();
      guardians.at(-1).name.value = v.displayName;
      guardians.at(-1).email.value = v.email || '';
    });
  };
  function addGuardian() {
    const n = guardians.length + 1;
    const g = guardianFields('guardian', n, n === 1 ? null : () => {
      guardians.splice(guardians.indexOf(g), 1);
      renumber();
      more.focus();
    });
    guardians.push(g);
    list.append(g.element);
    more.hidden = guardians.length >= MAX_GUARDIANS;
    room.textContent = guardians.length >= MAX_GUARDIANS ? `A client can have at most ${MAX_GUARDIANS} guardians.` : '';
  }
  addGuardian();
  const adultPart = h('div', {class: 'field adult-only'}, h('label', {for: 'client-email'}, 'E-mail (optional)'), email,
    h('p', {class: 'hint', id: 'client-email-hint'}, 'Where their invitation to the client portal can go; you can also give them the link yourself.'));
  const minorPart = h('div', {class: 'minor-only'}, list,
    h('p', {class: 'hint', id: 'guardian-email-hint'}, 'A guardian\'s e-mail is where their invitation can go; you can also give them the link yourself.'),
    more, room);
  const shown = () => {
    adultPart.hidden = minor.checked;
    minorPart.hidden = !minor.checked;
  };
  born.addEventListener('change', () => {
    const young = underAge(born.value);
    if (young !== null) {
      minor.checked = young;
      shown();
    }
  });
  minor.addEventListener('change', shown);
  shown();
  const status = h('p', {class: 'hint', role: 'status'});
  const element = dialog('Add a client', h('form', {class: 'setting add-client-form', novalidate: true, onsubmit: async event => {
    event.preventDefault();
    element.querySelectorAll('[aria-invalid]').forEach(i => i.removeAttribute('aria-invalid'));
    const unnamed = minor.checked ? guardians.filter(g => !g.name.value.trim()) : [];
    if (unnamed.length) {
      unnamed.forEach(g => g.name.setAttribute('aria-invalid', 'true'));
      status.className = 'error';
      status.textContent = 'Not added: write each guardian\'s name, or remove the guardian.';
      unnamed[0].name.focus();
      return;
    }
    const body = {displayName: name.value.trim(), dateOfBirth: born.value || null, minor: minor.checked};
    if (minor.checked) {
      body.guardians = guardians.map(g => g.value());
    } else {
      body.email = email.value.trim() || null;
    }
    try {
      const record = await api.post('admin/clients', body);
      element.close();
      onAdded(record);
    } catch (e) {
      const wrong = {'invalid-display-name': body.displayName ? null : name, 'invalid-date-of-birth': born,
        'invalid-email': minor.checked ? null : email, 'email-in-use': minor.checked ? null : email}[e.type];
      wrong?.setAttribute('aria-invalid', 'true');
      status.className = 'error';
      status.textContent = `Not added: ${plainProblem(e)}`;
      (wrong || status.closest('form').querySelector('button[type=submit]')).focus();
    }
  }},
  h('div', {class: 'field'}, h('label', {for: 'client-name'}, 'Name'), name),
  h('div', {class: 'field'}, h('label', {for: 'client-born'}, 'Date of birth (optional)'), born,
    h('p', {class: 'hint', id: 'client-born-hint'}, 'Under 18 ticks "This client is a minor" below.')),
  h('p', {class: 'check'}, minor, ' ', h('label', {for: 'client-minor'}, 'This client is a minor')),
  h('p', {class: 'hint', id: 'client-minor-hint'}, 'A minor\'s guardians sign in to the portal for them; an adult signs in themself.'),
  adultPart, minorPart, status,
  h('div', {class: 'form-actions'}, h('button', {type: 'submit', class: 'task-open save-client'}, 'Add client'))));
  name.focus();
  return element;
}
