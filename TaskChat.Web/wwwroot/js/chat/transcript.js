// The conversation as it happens: applies hub events to the server-rendered transcript.
//
// A tab can be offered an event it already has (a watch restarted after a reconnect replays
// from where it resumed), so every event carries a per-conversation number and anything at or
// below the last one applied is dropped. A turn_snapshot is the
// exception: it states the whole in-flight reply and replaces the bubble.
//
// While a reply streams it is plain text (textContent, never markup). When it completes, the
// server's rendering (Markdown, sanitized) replaces the bubble.
import { fromServer, h } from './dom.js';
import { buildCard, closeOpenConfirmations, updateCard } from './tool-cards.js';
import { messageStatusText, vocabulary } from './vocabulary.js';

const PER_TURN = vocabulary.events_per_turn;

export class Transcript {
    /**
     * @param {HTMLOListElement} list  the #messages list
     * @param {{conversationId: string|null, onChange: () => void, onTurnStarted: (e) => void}} options
     */
    constructor(list, { conversationId, onChange, onTurnStarted }) {
        this.list = list;
        this.conversationId = conversationId;
        this.onChange = onChange;
        this.onTurnStarted = onTurnStarted;
        this.lastEvent = this.#lastEventRendered();
        this.lastActivity = performance.now();
    }

    /** True while a reply of this conversation is being written (Send is then disabled). */
    get streaming() {
        return this.list.querySelector('li.message.assistant[data-status="streaming"]:not([data-stalled])') !== null;
    }

    /**
     * A reply marked streaming that has shown no sign of life for a while (the process writing
     * it may have died) stops blocking Send; the server answers turn_in_progress if it is in
     * fact still running. Any later event of it brings it back to life.
     */
    checkStalled(quietMs) {
        if (performance.now() - this.lastActivity < quietMs) return;
        const stalled = this.list.querySelectorAll('li.message.assistant[data-status="streaming"]:not([data-stalled])');
        for (const reply of stalled) {
            reply.dataset.stalled = '';
            this.#refresh(reply.dataset.messageId);
        }
        if (stalled.length) this.onChange();
    }

    /** The watch (re)started: give a reply in flight time to show up again. */
    resetActivity() {
        this.lastActivity = performance.now();
    }

    /**
     * Where a watch resumes: a reply rendered as streaming is replayed from its turn_started
     * (its first event minus one), so its bubble is rebuilt from scratch; a finished one is
     * complete, so only later turns are wanted.
     */
    #lastEventRendered() {
        const replies = this.list.querySelectorAll('li.message.assistant');
        const last = replies[replies.length - 1];
        if (!last) return 0;
        const sequence = Number(last.dataset.sequence);
        if (last.dataset.status === 'streaming') return sequence * PER_TURN - 1;
        // The branch shown may be older than the conversation's newest turn (on another
        // branch): that turn is over and is not replayed here.
        const newest = Math.max(sequence, Number(this.list.closest('#chat')?.dataset.lastSequence) || 0);
        return newest * PER_TURN + PER_TURN - 1;
    }

    apply(event) {
        if (event.conversation_id !== this.conversationId) return;
        if (event.type !== 'turn_snapshot' && event.event <= this.lastEvent) return;
        this.lastEvent = Math.max(this.lastEvent, event.event);
        this.lastActivity = performance.now();
        if (event.message_id) this.#find(event.message_id)?.removeAttribute('data-stalled');

        switch (event.type) {
            case 'turn_started': this.#turnStarted(event); break;
            case 'token': this.#token(event); break;
            case 'tool_call_started': this.#toolStarted(event); break;
            case 'tool_call_completed': this.#toolCompleted(event); break;
            case 'message_completed': this.#completed(event.message_id, event.content, event.status); break;
            case 'turn_snapshot': this.#snapshot(event); break;
            case 'error': this.#error(event); break;
        }
        this.onChange();
    }

    /** Shows the user's message at once; turn_started confirms it (or a refusal removes it). */
    addPendingUser(text, clientId) {
        document.getElementById('start-screen')?.remove();
        const item = h('li', { class: 'message user pending', dataset: { role: 'user', clientId, status: 'completed' } },
            h('div', { class: 'bubble' }, h('p', { class: 'text' }, text)));
        this.list.append(item);
        this.onChange();
        return item;
    }

    /** A turn that never started (refused, or the connection failed): an inline notice with Retry. */
    showNotice(message, retryText) {
        this.list.append(h('li', { class: 'message notice', role: 'alert' },
            h('div', { class: 'bubble' },
                h('p', { class: 'text' }, message),
                retryText ? retryButton(retryText) : null)));
        this.onChange();
    }

    #turnStarted(event) {
        document.getElementById('start-screen')?.remove();
        for (const notice of this.list.querySelectorAll('li.message.notice')) notice.remove();
        // This turn settles every open deletion on the server; once it ends, their replies are
        // fetched again to show how each was answered (confirmed or declined).
        this.settling = [...this.list.querySelectorAll('.tool-confirm')]
            .map((buttons) => buttons.closest('li.message')?.dataset.messageId)
            .filter(Boolean);
        closeOpenConfirmations(this.list);

        const user = event.user_message;
        this.#pruneForBranch(user);
        if (!this.#find(user.id)) {
            const pending = [...this.list.querySelectorAll('li.message.user.pending')]
                .find((item) => item.querySelector('.text').textContent === user.content);
            const item = pending ?? h('li', { class: 'message user', dataset: { role: 'user', status: 'completed' } },
                h('div', { class: 'bubble' }, h('p', { class: 'text' }, user.content)));
            item.classList.remove('pending');
            item.dataset.messageId = user.id;
            item.dataset.sequence = user.sequence_number;
            if (!pending) this.list.append(item);
        }

        // A reply from an earlier turn still marked streaming missed its end (the watch resumed
        // in a later turn): the server knows how it ended.
        for (const stale of this.list.querySelectorAll('li.message.assistant[data-status="streaming"]')) {
            if (stale.dataset.messageId !== event.assistant_message_id) this.#refresh(stale.dataset.messageId);
        }

        // Rebuilt from scratch even if the page rendered part of it: the turn replays from here.
        const bubble = this.#newReply(event.assistant_message_id, Math.floor(event.event / PER_TURN));
        const existing = this.#find(event.assistant_message_id);
        if (existing) existing.replaceWith(bubble);
        else this.#find(user.id).after(bubble);
        this.onTurnStarted(event);
        // The server's rendering of the question (its time, actions, "‹ 2/3 ›" after an edit).
        this.#refresh(user.id);
    }

    /**
     * A turn continues the branch after its question's parent (or, for a regenerated reply,
     * after the question itself): whatever the page shows past that point belongs to another
     * branch and goes. For a plain send that is nothing.
     */
    #pruneForBranch(user) {
        const anchor = this.#find(user.id) ?? (user.parent_id ? this.#find(user.parent_id) : null);
        if (!anchor && user.parent_id) return;
        const stale = [];
        for (let item = anchor ? anchor.nextElementSibling : this.list.firstElementChild; item; item = item.nextElementSibling) {
            if (!item.classList.contains('pending')) stale.push(item);
        }
        for (const item of stale) item.remove();
    }

    #token(event) {
        const reply = this.#find(event.message_id);
        if (reply) textOf(reply).appendData(event.delta);
    }

    #toolStarted(event) {
        const reply = this.#find(event.message_id);
        if (!reply || reply.querySelector(`[data-tool-call-id="${event.tool_call_id}"]`)) return;
        reply.querySelector('.tool-calls').append(buildCard({ id: event.tool_call_id, name: event.name, label: event.label }));
    }

    #toolCompleted(event) {
        const card = this.list.querySelector(`[data-tool-call-id="${event.tool_call_id}"]`);
        if (card) updateCard(card, { status: event.status, summary: event.summary }, true);
    }

    #completed(messageId, content, status) {
        const reply = this.#find(messageId);
        if (!reply) return;
        this.#setStatus(reply, status);
        reply.querySelector('.content').textContent = content;
        this.#refresh(messageId);
        for (const settled of this.settling ?? []) this.#refresh(settled);
        this.settling = [];
    }

    #snapshot(event) {
        const old = this.#find(event.message_id);
        const reply = this.#newReply(event.message_id, Math.floor(event.event / PER_TURN));
        if (old) old.replaceWith(reply);
        else this.list.append(reply);
        textOf(reply).appendData(event.content);
        for (const call of event.tool_calls) {
            reply.querySelector('.tool-calls').append(buildCard({
                id: call.id, name: call.name, label: call.label, status: call.status, summary: call.summary,
            }));
        }
        if (event.status !== 'streaming') this.#completed(event.message_id, event.content, event.status);
    }

    #error(event) {
        const replies = this.list.querySelectorAll('li.message.assistant');
        const reply = replies[replies.length - 1];
        const meta = reply?.querySelector('.message-meta');
        if (!meta) return;
        meta.querySelector('.message-error')?.remove();
        meta.prepend(h('span', { class: 'message-error', role: 'alert' }, event.message));
    }

    /** The server's rendering of a finished message (Markdown, sanitized, final tool cards). */
    async #refresh(messageId) {
        if (!this.conversationId) return;
        try {
            const response = await fetch(
                `/chat/${this.conversationId}?handler=Message&messageId=${encodeURIComponent(messageId)}`,
                { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
            if (!response.ok) return;
            const rendered = fromServer(await response.text()).querySelector('li.message');
            const current = this.#find(messageId);
            // Never step back: a streaming rendering must not replace a bubble that has finished.
            if (!rendered || !current || (rendered.dataset.status === 'streaming' && current.dataset.status !== 'streaming')) return;
            const error = current.querySelector('.message-error');
            if (error) rendered.querySelector('.message-meta')?.prepend(error);
            if (current.hasAttribute('data-stalled') && rendered.dataset.status === 'streaming') rendered.dataset.stalled = '';
            // A keyboard user on Confirm, Cancel or Retry keeps their place in the new rendering.
            const active = current.contains(document.activeElement) ? document.activeElement : null;
            current.replaceWith(rendered);
            if (active) sameControl(rendered, active)?.focus();
            this.onChange();
        } catch {
            // The plain text already shows the final content; the formatting comes with the next load.
        }
    }

    #newReply(messageId, sequence) {
        return h('li', { class: 'message assistant', dataset: { messageId, sequence, role: 'assistant', status: 'streaming' } },
            h('span', { class: 'assistant-mark', 'aria-hidden': 'true' }, '✓'),
            h('div', { class: 'bubble', 'aria-busy': 'true' },
                h('div', { class: 'tool-calls' }),
                h('div', { class: 'content plain' }, document.createTextNode('')),
                h('div', { class: 'message-meta' }, h('span', { class: 'message-status' }, messageStatusText('streaming')))));
    }

    #setStatus(reply, status) {
        reply.dataset.status = status;
        reply.querySelector('.bubble').setAttribute('aria-busy', status === 'streaming' ? 'true' : 'false');
        reply.querySelector('.message-status').textContent = messageStatusText(status);
        const meta = reply.querySelector('.message-meta');
        if ((status === 'failed' || status === 'interrupted') && !meta.querySelector('[data-retry]')) {
            meta.append(retryButton(previousUserText(reply)));
        }
    }

    #find(messageId) {
        return this.list.querySelector(`li.message[data-message-id="${messageId}"]`);
    }
}

/** The streaming text node of a reply: tokens are appended to it, never parsed. */
function textOf(reply) {
    const content = reply.querySelector('.content');
    if (!(content.firstChild instanceof Text)) content.replaceChildren(document.createTextNode(''));
    return content.firstChild;
}

/** Retry is a submit button of the composer form carrying the text to send again. */
function retryButton(text) {
    return h('button', { type: 'submit', class: 'button subtle small retry', form: 'composer', name: 'text', value: text ?? '', dataset: { retry: '' } }, 'Retry');
}

export function previousUserText(reply) {
    for (let item = reply.previousElementSibling; item; item = item.previousElementSibling) {
        if (item.dataset.role === 'user') return item.querySelector('.text')?.textContent ?? '';
    }
    return '';
}

/** The control in a re-rendered message that stands where <element> stood in the old one. */
function sameControl(root, element) {
    const card = element.closest('[data-tool-call-id]');
    if (card && element.dataset.approve) {
        return root.querySelector(`[data-tool-call-id="${CSS.escape(card.dataset.toolCallId)}"] [data-approve="${element.dataset.approve}"]`);
    }
    return element.matches('[data-retry]') ? root.querySelector('[data-retry]') : null;
}
