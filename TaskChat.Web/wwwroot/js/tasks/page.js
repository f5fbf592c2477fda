// The /tasks page. The server renders everything (views, counts, human dates, the Undo bar);
// this module posts the page's own forms in the background and swaps in the fragment each
// answers with, asks before deleting in place, and fetches the fragment again whenever the tasks
// hub says something changed elsewhere (the assistant, another tab, the API).
import { fetchHtml, watchTasks } from './live.js';
import { syncTimeZone } from './time-zone.js';

const root = document.getElementById('tasks');
const view = document.getElementById('task-view');
const addForm = document.getElementById('task-add');
const undoSeconds = 6;

let undoTimer;
let pending = false;
let posting = 0;

// The page may have been drawn against the old zone's "today" before the hub was connected.
syncTimeZone(root.dataset.timeZone).then((zone) => {
    if (!zone) return;
    root.dataset.timeZone = zone;
    refresh();
});

function viewUrl() {
    const query = new URLSearchParams(location.search);
    query.delete('confirm');
    query.set('handler', 'View');
    return `/tasks?${query}`;
}

/** Swaps in a fresh fragment; an Undo still on offer survives a refresh that did not bring one. */
function show(html) {
    const undo = document.getElementById('undo-bar');
    view.innerHTML = html;
    const fresh = document.getElementById('undo-bar');
    if (fresh) {
        clearTimeout(undoTimer);
        undoTimer = setTimeout(() => fresh.remove(), undoSeconds * 1000);
    } else if (undo?.isConnected === false && undoTimer) {
        view.prepend(undo);
    }
    root.dataset.timeZone = view.querySelector('#task-view-state')?.dataset.timeZone ?? root.dataset.timeZone;
    root.dataset.updated = String(Date.now());
}

/** Someone is in the middle of something (an edit, a delete question): their form is not swapped away. */
function busy() {
    return posting > 0 || view.querySelector('details.task-edit[open], .task.confirming') !== null;
}

async function refresh() {
    if (busy()) {
        pending = true;
        return;
    }
    pending = false;
    const html = await fetchHtml(viewUrl());
    if (html !== null && !busy()) show(html);
    else if (html !== null) pending = true;
}

function settle() {
    if (pending && !busy()) refresh();
}

root.addEventListener('submit', async (event) => {
    const form = event.target;
    if (form.method !== 'post') return;
    event.preventDefault();
    for (const button of form.querySelectorAll('button')) button.disabled = true;
    posting++;
    let html;
    try {
        html = await fetchHtml(form.action, { method: 'POST', body: new FormData(form) });
    } finally {
        posting--;
    }
    if (html === null) {
        // The server refused or the network dropped: let the browser post it the plain way.
        form.submit();
        return;
    }
    if (form === addForm) {
        addForm.elements.newTitle.value = '';
        addForm.elements.newDescription.value = '';
        for (const button of addForm.querySelectorAll('button')) button.disabled = false;
        addForm.elements.newTitle.focus();
    }
    show(html);
    settle();
});

// Delete asks first, in place: the row's question is already there, hidden.
root.addEventListener('click', (event) => {
    const remove = event.target.closest('a.task-delete');
    const keep = event.target.closest('a.task-keep');
    const row = (remove ?? keep)?.closest('li.task');
    if (!row) return;
    event.preventDefault();
    const question = row.querySelector('.task-confirm');
    question.hidden = Boolean(keep);
    row.classList.toggle('confirming', !keep);
    if (remove) question.querySelector('button').focus();
    else settle();
});

root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const row = event.target.closest?.('li.task.confirming');
    row?.querySelector('a.task-keep')?.click();
});

root.addEventListener('toggle', () => settle(), true);

// Sorting takes effect at once.
root.addEventListener('change', (event) => {
    if (event.target.id === 'sort-select') event.target.form.requestSubmit();
});

watchTasks(refresh);
