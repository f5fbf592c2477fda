// What a person does with one message: copy it, edit a question (a new branch from its
// parent), regenerate an answer (a new version beside it), and "‹ 2/3 ›" to switch between
// versions. Edit and Regenerate stream through the page's usual turn handling (startTurn);
// a switch is stored on the server (PUT .../branch), so the page reloads into that branch
// and any other device opens on it too.
import { h } from './dom.js';

export function setUpMessageActions({ list, conversationId, canStart, startTurn, maxLength }) {
    list.addEventListener('click', async (event) => {
        const target = event.target.closest('button');
        const item = target?.closest('li.message');
        if (!item) return;
        if (target.dataset.branchTarget) {
            await switchTo(target.dataset.branchTarget);
            return;
        }
        const actions = { copy, edit, regenerate, 'edit-save': save, 'edit-cancel': cancel };
        actions[target.dataset.action]?.(item, target);
    });

    async function copy(item, button) {
        const text = item.dataset.role === 'user'
            ? item.querySelector('.text')?.textContent
            : item.querySelector('.content')?.innerText;
        try {
            await navigator.clipboard.writeText((text ?? '').trim());
            flash(button, 'copied', 'Copied');
        } catch {
            flash(button, 'copy-failed', 'Copying is not allowed here');
        }
    }

    function edit(item) {
        if (item.querySelector('.edit-form') || !canStart()) return;
        const text = item.querySelector('.text');
        const box = h('textarea', { class: 'edit-text', rows: 3, maxlength: maxLength, 'aria-label': 'Edit message' });
        box.value = text.textContent;
        text.hidden = true;
        text.after(h('div', { class: 'edit-form' },
            box,
            h('p', { class: 'edit-hint' }, 'Saving starts a new branch; the old one is kept. Tasks already changed stay as they are.'),
            h('div', { class: 'edit-buttons' },
                h('button', { type: 'button', class: 'button small', dataset: { action: 'edit-save' } }, 'Save & send'),
                h('button', { type: 'button', class: 'button subtle small', dataset: { action: 'edit-cancel' } }, 'Cancel'))));
        box.addEventListener('keydown', (event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) { event.preventDefault(); save(item); }
            if (event.key === 'Escape') cancel(item);
        });
        box.focus();
    }

    function cancel(item) {
        item.querySelector('.edit-form')?.remove();
        item.querySelector('.text').hidden = false;
    }

    function save(item) {
        const text = item.querySelector('.edit-text')?.value.trim();
        if (!text || !canStart()) return;
        cancel(item);
        startTurn('EditMessage', { message_id: item.dataset.messageId, text }, text);
    }

    function regenerate(item) {
        if (!canStart()) return;
        startTurn('RegenerateReply', { message_id: item.dataset.messageId }, null);
    }

    async function switchTo(messageId) {
        const id = conversationId();
        // The server refuses while a reply streams (it would land on the branch being left).
        if (!id || !canStart()) return;
        const response = await fetch(`/api/v1/conversations/${id}/branch`, {
            method: 'PUT',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ message_id: messageId }),
        });
        if (!response.ok) return;
        // A new address that may differ only in its #fragment: reload explicitly.
        history.replaceState(null, '', `/chat/${id}?message=${messageId}#m-${messageId}`);
        location.reload();
    }
}

/** A moment of feedback on the button itself (its icon is CSS, so a class changes it). */
function flash(button, state, label) {
    const before = button.title;
    button.classList.add(state);
    button.title = label;
    setTimeout(() => {
        button.classList.remove(state);
        button.title = before;
    }, 1500);
}
