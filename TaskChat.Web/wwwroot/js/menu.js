// The account menu is a <details> (it opens without JavaScript); with it, a click elsewhere or
// Escape closes it, as people expect of a menu.
const menu = document.querySelector('details.user-menu');

if (menu) {
    document.addEventListener('click', (event) => {
        if (menu.open && !menu.contains(event.target)) menu.open = false;
    });
    document.addEventListener('keydown', (event) => {
        if (event.key === 'Escape' && menu.open) {
            menu.open = false;
            menu.querySelector('summary').focus();
        }
    });
}
