// Message times on hover, in the user's own zone (the server renders it into the page): the
// same words for messages the server rendered and for those that arrived live.
const zone = document.getElementById('chat')?.dataset.timeZone || 'UTC';
const long = new Intl.DateTimeFormat(undefined, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' });
const short = new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: '2-digit', minute: '2-digit' });

export function showTimes(root) {
    for (const time of root.querySelectorAll('time.message-time[datetime]')) {
        const at = new Date(time.getAttribute('datetime'));
        if (Number.isNaN(at.getTime())) continue;
        // Only when different: a write is itself a change the observer below would see.
        const title = `${long.format(at)} (${zone})`;
        const text = short.format(at);
        if (time.title !== title) time.title = title;
        if (time.dataset.short !== text) time.dataset.short = text;
    }
}

/** Keeps every time in the list written that way as messages come and go. */
export function watchTimes(list) {
    showTimes(list);
    new MutationObserver(() => showTimes(list)).observe(list, { childList: true, subtree: true });
}
