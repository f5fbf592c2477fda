// Tool call cards built live, with the same markup as Chat/Components/ToolCallCard.razor.
import { h } from './dom.js';
import { describe, icon, resultMessage, statusText, taskTitle } from './tool-text.js';

export function buildCard({ id, name, args, status = 'running', result = null }) {
    const card = h('div', { class: 'tool-card', dataset: { toolCallId: id, toolName: name, status } },
        h('div', { class: 'tool-head' },
            h('span', { class: 'tool-icon', 'aria-hidden': 'true' }, icon(name)),
            h('span', { class: 'tool-words' }, describe(name, args ?? {})),
            h('code', { class: 'tool-name' }, name),
            h('span', { class: 'tool-status' }, statusText(status))));
    if (status !== 'running') updateCard(card, { status, result }, true);
    return card;
}

/** A call finished (or a snapshot says how it stands). Only a pending deletion gets buttons. */
export function updateCard(card, { status, result }, answerable) {
    card.dataset.status = status;
    card.querySelector('.tool-status').textContent = statusText(status);
    card.querySelector('.tool-result')?.remove();
    card.querySelector('.tool-confirm')?.remove();

    if (status === 'needs_confirmation') {
        const title = taskTitle(result);
        card.append(h('p', { class: 'tool-result' },
            `${title ? `“${title}”` : 'This task'} will be deleted once you confirm. You can also reply “yes” or “no”.`));
        if (answerable) {
            card.append(h('div', { class: 'tool-confirm' },
                h('button', { type: 'submit', class: 'button danger small', form: 'confirm-form', dataset: { approve: 'true' } }, 'Confirm'),
                h('button', { type: 'submit', class: 'button subtle small', form: 'confirm-form', dataset: { approve: 'false' } }, 'Cancel')));
        }
        return;
    }

    const message = resultMessage(result);
    if (message) card.append(h('p', { class: 'tool-result' }, message));
}

/** A new turn settles every open deletion on the server, so no card may still offer to answer. */
export function closeOpenConfirmations(root) {
    for (const buttons of root.querySelectorAll('.tool-confirm')) buttons.remove();
}
