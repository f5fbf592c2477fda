// The theme choice shared by every page: follow the system, light or dark. A choice is kept in
// localStorage (no entry means "follow the system"; see site.css and the layout's early script).
// The button steps through the three. From "system" it goes first to the opposite of what the
// system shows, so the first press always changes what the person sees.
const key = 'taskchat.theme';
const root = document.documentElement;
const toggle = document.getElementById('theme-toggle');
const systemDark = matchMedia('(prefers-color-scheme: dark)');

const names = { system: 'follow the system', light: 'light', dark: 'dark' };

const choice = () => root.dataset.theme ?? 'system';

function next(current) {
    const seen = systemDark.matches ? 'dark' : 'light';
    const other = seen === 'dark' ? 'light' : 'dark';
    return { system: other, [other]: seen, [seen]: 'system' }[current];
}

function show(current) {
    if (!toggle) return;
    toggle.dataset.choice = current;
    toggle.setAttribute('aria-label', `Theme: ${names[current]}. Change theme`);
    toggle.title = `Theme: ${names[current]}`;
}

toggle?.addEventListener('click', () => {
    const chosen = next(choice());
    if (chosen === 'system') {
        delete root.dataset.theme;
        localStorage.removeItem(key);
    } else {
        root.dataset.theme = chosen;
        localStorage.setItem(key, chosen);
    }
    show(chosen);
});
systemDark.addEventListener('change', () => show(choice()));
show(choice());
