// The conversation list at scale: the next page loads when its marker scrolls into view (the
// server renders it, headings included), pinning moves a conversation to the top, and a
// conversation with a new turn moves under "Today".
import { fromServer, h } from './dom.js';

export function setUpSidebarPages({ list, currentId }) {
    const sidebar = list.closest('.chat-sidebar');
    const observer = new IntersectionObserver((entries) => {
        for (const entry of entries) if (entry.isIntersecting) load(entry.target);
    }, { root: sidebar, rootMargin: '200px' });
    let loading = false;

    const fetchPage = (after, group) => fetch(
        `/chat?handler=Conversations&after=${encodeURIComponent(after ?? '')}&group=${encodeURIComponent(group ?? '')}&current=${currentId() ?? ''}`,
        { credentials: 'same-origin' });

    async function load(more) {
        if (loading) return;
        loading = true;
        observer.unobserve(more);
        try {
            const response = await fetchPage(more.dataset.next, more.dataset.group);
            if (!response.ok) return;
            const page = fromServer(await response.text());
            // A conversation this tab moved to the top meanwhile is already listed.
            for (const item of page.querySelectorAll('li.conversation')) {
                if (list.querySelector(`li.conversation[data-conversation-id="${CSS.escape(item.dataset.conversationId)}"]`)) item.remove();
            }
            more.replaceWith(page);
        } finally {
            loading = false;
            watchMore();
        }
    }

    function watchMore() {
        const more = list.querySelector('li.conversation-more');
        if (more) observer.observe(more);
    }

    list.addEventListener('click', async (event) => {
        const button = event.target.closest('button[data-action="pin"]');
        const item = button?.closest('li.conversation');
        if (!item) return;
        const pin = button.getAttribute('aria-pressed') !== 'true';
        const response = await fetch(`/api/v1/conversations/${item.dataset.conversationId}`, {
            method: 'PATCH',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ is_pinned: pin }),
        });
        if (!response.ok) return;
        // The first page again, as the server orders and groups it.
        const first = await fetchPage(null, null);
        if (first.ok) list.replaceChildren(fromServer(await first.text()));
        watchMore();
    });

    watchMore();
}

/** Puts a conversation that just had a turn at the top of "Today" (a pinned one stays where it is). */
export function placeInToday(list, item) {
    if (item.classList.contains('pinned') && item.isConnected) return;
    const oldGroup = item.dataset.group;
    let heading = list.querySelector('li.conversation-group[data-group="today"]');
    if (!heading) {
        heading = h('li', { class: 'conversation-group', dataset: { group: 'today' } }, 'Today');
        const pinned = [...list.querySelectorAll('li.conversation.pinned')].pop();
        if (pinned) pinned.after(heading);
        else list.prepend(heading);
    }
    item.dataset.group = 'today';
    heading.after(item);
    const emptied = oldGroup && list.querySelector(`li.conversation-group[data-group="${oldGroup}"]`);
    if (emptied && !list.querySelector(`li.conversation[data-group="${oldGroup}"]`)) emptied.remove();
}
