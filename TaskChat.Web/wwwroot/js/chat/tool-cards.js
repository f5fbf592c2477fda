// Tool call cards built live, with the same markup as Chat/Components/ToolCallCard.razor. The
// words come from the server: each event carries the card's label and summary.
import { h } from './dom.js';
import { toolIcon, toolStatusText } from './vocabulary.js';

export function buildCard({ id, name, label, status = 'running', summary = null }) {
    const card = h('div', { class: 'tool-card', dataset: { toolCallId: id, toolName: name, status } },
        h('div', { class: 'tool-head' },
            h('span', { class: 'tool-icon', 'aria-hidden': 'true' }, toolIcon(name)),
            h('span', { class: 'tool-words' }, label ?? name),
            h('span', { class: 'tool-status' }, toolStatusText(status))));
    if (status !== 'running') updateCard(card, { status, summary }, true);
    return card;
}

/** A call finished (or a snapshot says how it stands). Only a pending deletion gets buttons. */
export function updateCard(card, { status, summary }, answerable) {
    card.dataset.status = status;
    card.querySelector('.tool-status').textContent = toolStatusText(status);
    card.querySelector('.tool-result')?.remove();
    card.querySelector('.tool-confirm')?.remove();
    if (summary) card.append(h('p', { class: 'tool-result' }, summary));
    if (status === 'needs_confirmation' && answerable) {
        card.append(h('div', { class: 'tool-confirm' },
            h('button', { type: 'submit', class: 'button danger small', form: 'confirm-form', dataset: { approve: 'true' } }, 'Confirm'),
            h('button', { type: 'submit', class: 'button subtle small', form: 'confirm-form', dataset: { approve: 'false' } }, 'Cancel')));
    }
}

/** A new turn settles every open deletion on the server, so no card may still offer to answer. */
export function closeOpenConfirmations(root) {
    for (const buttons of root.querySelectorAll('.tool-confirm')) buttons.remove();
}
