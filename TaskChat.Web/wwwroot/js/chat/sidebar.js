// The conversation list: remembers the open conversation (localStorage), renames and deletes over the conversations API, and slides in on
// small screens.
import { h } from './dom.js';
import { placeInToday } from './sidebar-pages.js';
import { vocabulary } from './vocabulary.js';

const storageKey = 'current_conversation_id';

/**
 * On /chat without an id, reopen the remembered conversation if it is still this user's
 * (it is in the server-rendered list); /chat?new=1 starts a new one and forgets it.
 * Returns true when the page is navigating away.
 */
export function restoreConversation(conversationId) {
    if (conversationId) {
        localStorage.setItem(storageKey, conversationId);
        return false;
    }
    const params = new URLSearchParams(location.search);
    if (params.has('new')) {
        localStorage.removeItem(storageKey);
        history.replaceState(null, '', '/chat');
        return false;
    }
    const remembered = localStorage.getItem(storageKey);
    if (remembered && document.querySelector(`#conversation-list [data-conversation-id="${CSS.escape(remembered)}"]`)) {
        location.replace(`/chat/${remembered}`);
        return true;
    }
    localStorage.removeItem(storageKey);
    return false;
}

export function rememberConversation(conversationId) {
    localStorage.setItem(storageKey, conversationId);
}

export function setUpSidebar({ chat, list, title, currentId }) {
    const toggle = document.getElementById('sidebar-toggle');
    const backdrop = document.getElementById('sidebar-backdrop');
    const setOpen = (open) => {
        chat.classList.toggle('sidebar-open', open);
        toggle?.setAttribute('aria-expanded', String(open));
        if (backdrop) backdrop.hidden = !open;
    };
    toggle?.addEventListener('click', () => setOpen(!chat.classList.contains('sidebar-open')));
    backdrop?.addEventListener('click', () => setOpen(false));

    list.addEventListener('click', (event) => {
        const button = event.target.closest('button[data-action]');
        const item = button?.closest('li.conversation');
        if (!item) return;
        const actions = { rename, delete: confirmDelete, 'delete-yes': remove, 'delete-no': cancelDelete };
        actions[button.dataset.action]?.(item);
    });

    function rename(item) {
        const link = item.querySelector('a');
        const input = h('input', { type: 'text', class: 'rename', value: link.textContent, maxlength: vocabulary.title_max_length, 'aria-label': 'Conversation title' });
        link.hidden = true;
        link.after(input);
        input.focus();
        input.select();
        let done = false;
        const finish = async (save) => {
            if (done) return;
            done = true;
            const next = input.value.trim();
            input.remove();
            link.hidden = false;
            if (!save || next === '' || next === link.textContent) return;
            const response = await fetch(`/api/v1/conversations/${item.dataset.conversationId}`, {
                method: 'PATCH',
                credentials: 'same-origin',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ title: next }),
            });
            if (!response.ok) return;
            const saved = (await response.json()).title;
            link.textContent = saved;
            link.title = saved;
            if (item.dataset.conversationId === currentId()) {
                title.textContent = saved;
                document.title = `${saved} · TaskChat`;
            }
        };
        input.addEventListener('keydown', (event) => {
            if (event.key === 'Enter') { event.preventDefault(); finish(true); }
            if (event.key === 'Escape') finish(false);
        });
        input.addEventListener('blur', () => finish(true));
    }

    // Deleting asks first, in place (no dialog): the row turns into a question.
    function confirmDelete(item) {
        item.classList.add('confirming');
        item.append(h('span', { class: 'delete-question' },
            'Delete?',
            h('button', { type: 'button', class: 'mini-button danger', dataset: { action: 'delete-yes' } }, 'Delete'),
            h('button', { type: 'button', class: 'mini-button', dataset: { action: 'delete-no' } }, 'Keep')));
        item.querySelector('[data-action="delete-no"]').focus();
    }

    function cancelDelete(item) {
        item.classList.remove('confirming');
        item.querySelector('.delete-question')?.remove();
    }

    async function remove(item) {
        const id = item.dataset.conversationId;
        const response = await fetch(`/api/v1/conversations/${id}`, { method: 'DELETE', credentials: 'same-origin' });
        if (!response.ok && response.status !== 404) {
            cancelDelete(item);
            return;
        }
        item.remove();
        document.getElementById('sidebar-empty').hidden = list.children.length > 0;
        if (id === currentId()) {
            localStorage.removeItem(storageKey);
            location.assign('/chat?new=1');
        }
    }

    return {
        /** A conversation this tab just started, or one with a new turn: it goes to the top. */
        touch(id, label) {
            let item = list.querySelector(`[data-conversation-id="${CSS.escape(id)}"]`);
            if (!item) {
                item = h('li', { class: 'conversation', dataset: { conversationId: id } },
                    h('a', { href: `/chat/${id}`, title: label }, label),
                    h('span', { class: 'conversation-actions js-only' },
                        h('button', { type: 'button', class: 'mini-button', dataset: { action: 'pin' }, 'aria-pressed': 'false', 'aria-label': 'Pin conversation', title: 'Pin to the top' }),
                        h('button', { type: 'button', class: 'mini-button', dataset: { action: 'rename' }, 'aria-label': 'Rename conversation', title: 'Rename' }, '✎'),
                        h('button', { type: 'button', class: 'mini-button', dataset: { action: 'delete' }, 'aria-label': 'Delete conversation', title: 'Delete' }, '✕')));
            }
            for (const other of list.querySelectorAll('li.conversation.current')) {
                other.classList.remove('current');
                other.querySelector('a')?.removeAttribute('aria-current');
            }
            if (id === currentId()) {
                item.classList.add('current');
                item.querySelector('a').setAttribute('aria-current', 'page');
            }
            placeInToday(list, item);
            document.getElementById('sidebar-empty').hidden = true;
        },
    };
}
