// The filter bar each page shows: its values come from the URL and go back
// to it when applied.
import { api } from './api.js';
import { h } from './dom.js';

const DATE = '[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?';
const CODE = '[A-Za-z0-9_\\-]{1,32}';

// fields: [{name, label, kind: 'date'|'actor'|'select', options}]
export function filterBar(fields, values, onApply) {
  const inputs = {};
  const form = h('form', { class: 'filters', autocomplete: 'off' });
  for (const f of fields) {
    let input;
    if (f.kind === 'select') {
      input = h('select', { name: f.name }, f.options.map(([v, label]) => h('option', { value: v }, label)));
      input.value = values[f.name] || f.options[0][0];
      input.addEventListener('change', () => form.requestSubmit());
    } else {
      input = h('input', {
        name: f.name,
        type: 'text',
        pattern: f.kind === 'date' ? DATE : CODE,
        placeholder: f.kind === 'date' ? 'YYYY-MM-DD' : 'code, e.g. TUR',
        list: f.kind === 'actor' ? 'actor-codes' : undefined,
        size: f.kind === 'date' ? 11 : 9,
        value: values[f.name] || '',
      });
    }
    inputs[f.name] = input;
    form.append(h('label', {}, f.label, ' ', input));
  }
  form.append(h('button', { type: 'submit' }, 'Apply'));
  form.append(h('button', { type: 'reset', class: 'link' }, 'Clear'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next = {};
    for (const [name, input] of Object.entries(inputs)) {
      const v = input.value.trim();
      next[name] = input.tagName === 'INPUT' && /^[a-z]/.test(v) && fields.find((f) => f.name === name).kind === 'actor' ? v.toUpperCase() : v;
    }
    onApply(next);
  });
  form.addEventListener('reset', (ev) => {
    ev.preventDefault();
    onApply({});
  });
  // The suggestions come after the page is drawn (see showStore in main.js).
  setTimeout(fillActorCodes, 300);
  return form;
}

let actorCodesFilled = false;

// The actor codes of the store, for the actor fields' suggestions.
async function fillActorCodes() {
  if (actorCodesFilled) return;
  actorCodesFilled = true;
  try {
    const r = await api('actors', { limit: 500 });
    const list = document.getElementById('actor-codes');
    for (const a of r.actors) list.append(h('option', { value: a.code }));
  } catch {
    actorCodesFilled = false;
  }
}
