// Search across the user's conversations: Ctrl+K (Cmd+K) opens the box from anywhere on the
// page; results come while typing. A result makes the branch through its message current
// and opens the conversation at that message.
import { fromServer, h } from './dom.js';

export function setUpSearch({ form, input, results, beforeOpen }) {
    document.addEventListener('keydown', (event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
            event.preventDefault();
            beforeOpen?.();
            input.focus();
            input.select();
        }
    });
    form.addEventListener('submit', (event) => event.preventDefault());

    let timer;
    let asked = 0;
    input.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(run, 200);
    });
    input.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') close();
        if (event.key === 'ArrowDown') { event.preventDefault(); results.querySelector('a')?.focus(); }
        if (event.key === 'Enter') { event.preventDefault(); results.querySelector('a')?.click(); }
    });
    results.addEventListener('keydown', (event) => {
        const links = [...results.querySelectorAll('a')];
        const at = links.indexOf(document.activeElement);
        if (event.key === 'ArrowDown') { event.preventDefault(); links[Math.min(at + 1, links.length - 1)]?.focus(); }
        if (event.key === 'ArrowUp') { event.preventDefault(); (at <= 0 ? input : links[at - 1]).focus(); }
        if (event.key === 'Escape') close();
    });
    results.addEventListener('click', async (event) => {
        const link = event.target.closest('a[data-message-id]');
        if (!link) return;
        event.preventDefault();
        await fetch(`/api/v1/conversations/${link.dataset.conversationId}/branch`, {
            method: 'PUT',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ message_id: link.dataset.messageId }),
        }).catch(() => {});
        location.assign(link.href);
    });

    async function run() {
        const q = input.value.trim();
        if (!q) return close();
        const mine = ++asked;
        const response = await fetch(`/api/v1/search?q=${encodeURIComponent(q)}&limit=20`, { credentials: 'same-origin' }).catch(() => null);
        if (mine !== asked) return;
        render(response?.ok ? (await response.json()).results : []);
    }

    function render(found) {
        results.replaceChildren(...found.map(result));
        if (found.length === 0) results.append(h('li', { class: 'search-empty' }, 'No matches'));
        results.hidden = false;
    }

    function close() {
        results.hidden = true;
        results.replaceChildren();
    }
}

function result(found) {
    // The snippet is HTML the server escaped, with the matched words in <mark>.
    const snippet = h('span', { class: 'search-snippet' });
    snippet.append(fromServer(found.snippet));
    const href = `/chat/${found.conversation_id}?message=${found.message_id}#m-${found.message_id}`;
    return h('li', { class: 'search-result' },
        h('a', { href, dataset: { conversationId: found.conversation_id, messageId: found.message_id } },
            h('span', { class: 'search-title' }, found.conversation_title),
            snippet));
}
