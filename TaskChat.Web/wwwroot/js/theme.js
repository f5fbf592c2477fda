// Light/dark theme switch shared by every page. The choice is kept in localStorage;
// with no choice the system preference applies (see site.css).
const key = 'taskchat.theme';
const toggle = document.getElementById('theme-toggle');

function current() {
    return document.documentElement.dataset.theme
        ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

toggle?.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    localStorage.setItem(key, next);
});
