// The chat page's panel of today's and overdue tasks: fetched again whenever the tasks hub says
// something changed, collapsible (the choice is remembered), and on narrow screens behind the
// toolbar's button.
import { fetchHtml, watchTasks } from './live.js';
import { syncTimeZone } from './time-zone.js';

const chat = document.getElementById('chat');
const toggle = document.getElementById('task-panel-toggle');
const collapsedKey = 'taskchat.task-panel-collapsed';

const panel = () => document.getElementById('task-panel');

function prepare() {
    const box = document.getElementById('task-panel-box');
    if (localStorage.getItem(collapsedKey) === 'true') box.open = false;
    box.addEventListener('toggle', () => localStorage.setItem(collapsedKey, String(!box.open)));
    const count = panel().dataset.count;
    toggle.querySelector('.count').textContent = count;
    toggle.setAttribute('aria-label', `Today's tasks: ${count}`);
}

async function refresh() {
    const html = await fetchHtml('/tasks?handler=Panel');
    if (html === null) return;
    panel().outerHTML = html;
    prepare();
    panel().dataset.updated = String(Date.now());
}

toggle.addEventListener('click', () => {
    const open = chat.classList.toggle('tasks-open');
    toggle.setAttribute('aria-expanded', String(open));
    // On a phone the panel and the conversations cover the same space: one at a time.
    if (open) chat.classList.remove('sidebar-open');
});

document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && chat.classList.contains('tasks-open')) toggle.click();
});

prepare();
syncTimeZone(panel().dataset.timeZone).then((zone) => zone && refresh());
watchTasks(refresh);
