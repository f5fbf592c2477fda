// Runs in the head, before first paint (a classic script, not a module, so it blocks).
(function () {
    var root = document.documentElement;
    root.classList.replace('no-js', 'js');
    var theme = localStorage.getItem('taskchat.theme');
    if (theme) root.dataset.theme = theme;
})();
