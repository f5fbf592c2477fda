// The chat page. The server rendered the conversation; this module makes it live:
// sending over the hub, watching the conversation (replies started in other tabs too, and the
// rest of a reply that was in flight when the page loaded), stop, retry and confirmations.
import { newId } from './dom.js';
import { connect, subscribe } from './hub.js';
import { setUpMessageActions } from './branches.js';
import { setUpComposer } from './composer.js';
import { setUpOlderMessages, setUpScrolling } from './scroll.js';
import { rememberConversation, restoreConversation, setUpSidebar } from './sidebar.js';
import { setUpSearch } from './search.js';
import { setUpSidebarPages } from './sidebar-pages.js';
import { watchTimes } from './time.js';
import { Transcript, previousUserText } from './transcript.js';

const chat = document.getElementById('chat');
const list = document.getElementById('messages');
const scroller = document.getElementById('chat-scroll');
const form = document.getElementById('composer');
const confirmForm = document.getElementById('confirm-form');
const title = document.getElementById('chat-title');

let conversationId = chat.dataset.conversationId || null;

if (!restoreConversation(conversationId)) start();

function start() {
    const scrolling = setUpScrolling(scroller);
    const composer = setUpComposer({
        form,
        textarea: document.getElementById('composer-text'),
        send: document.getElementById('send'),
        stop: document.getElementById('stop'),
    });
    const sidebar = setUpSidebar({ chat, list: document.getElementById('conversation-list'), title, currentId: () => conversationId });

    const transcript = new Transcript(list, {
        conversationId,
        onChange: () => {
            composer.setStreaming(transcript.streaming);
            scrolling.stick();
        },
        onTurnStarted: (event) => sidebar.touch(event.conversation_id, event.conversation_title),
    });
    composer.setStreaming(transcript.streaming);

    const hub = connect(document.getElementById('connection'), { onConnected: () => watch(), direct: chat.dataset.hubDirect === 'true' });
    setUpOlderMessages({ scroller, list, conversationId });
    watchTimes(list);
    setUpSidebarPages({ list: document.getElementById('conversation-list'), currentId: () => conversationId });
    setUpSearch({
        form: document.getElementById('conversation-search'),
        input: document.getElementById('search-input'),
        results: document.getElementById('search-results'),
        beforeOpen: () => chat.classList.add('sidebar-open'),
    });

    // ---- Edit, regenerate, copy, "‹ 2/3 ›": turns like any other, on a new branch ----
    setUpMessageActions({
        list,
        conversationId: () => conversationId,
        canStart: () => Boolean(conversationId) && hub.connected && !transcript.streaming,
        maxLength: document.getElementById('composer-text').maxLength,
        startTurn: (method, request, text) => {
            scrolling.jump();
            follow(hub.connection.stream(method, { conversation_id: conversationId, client_message_id: newId(), ...request }), text, null);
        },
    });
    if (location.hash.startsWith('#m-')) {
        const wanted = document.getElementById(location.hash.slice(1));
        wanted?.classList.add('highlight');
        wanted?.scrollIntoView({ block: 'center' });
    }

    // ---- Watching: every event of this conversation, from any tab ----
    // A page showing an older part of the conversation (?before=, the no-JavaScript link) is
    // history only: live events belong after the newest message, which it does not show.
    // While a turn this page sent is running, its own stream carries the events, so the watch
    // is paused (no other turn can run in the conversation meanwhile) and resumed from the last
    // event applied once that stream ends: each event reaches the page once.
    const olderPage = new URLSearchParams(location.search).has('before');
    let watching = null;
    let ownTurn = false;
    function pauseWatch() {
        watching?.dispose();
        watching = null;
    }
    function watch() {
        pauseWatch();
        if (!conversationId || !hub.connected || olderPage || ownTurn) return;
        transcript.resetActivity();
        watching = subscribe(
            hub.connection.stream('WatchConversation', { conversation_id: conversationId, after_event: transcript.lastEvent }),
            {
                next: (event) => {
                    // The server's live feed broke (Redis dropped on a multi-node setup): watch
                    // again from the last event applied, until it is back.
                    if (event.type === 'error' && event.code === 'stream_interrupted') setTimeout(watch, 2000);
                    else if (event.type === 'error' && event.event === 0) transcript.showNotice(event.message);
                    else transcript.apply(event);
                },
                // A dead stream is restarted by onConnected, from the last event applied.
            });
    }

    // ---- Sending (the composer, the suggested prompts and Retry are all its submit buttons) ----
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const submitter = event.submitter;
        let text;
        if (submitter?.name === 'text') {
            text = submitter.value || previousUserText(submitter.closest('li.message') ?? list.lastElementChild);
        } else {
            text = composer.take();
        }
        send(text);
    });

    function send(text, clientId = newId()) {
        text = (text ?? '').trim();
        if (!text) return;
        if (transcript.streaming) {
            composer.restore(text);
            return;
        }
        if (!hub.connected) {
            transcript.showNotice('You are offline, so the message was not sent. Try again when the connection is back.', text);
            return;
        }
        const pending = transcript.addPendingUser(text, clientId);
        scrolling.jump();
        follow(hub.connection.stream('SendMessage', { conversation_id: conversationId, text, client_message_id: clientId }), text, pending);
    }

    /** Reads a turn's own stream (SendMessage or ConfirmToolCall) into the transcript. */
    function follow(stream, text, pending) {
        let started = false;
        ownTurn = true;
        pauseWatch();
        const done = () => {
            ownTurn = false;
            watch();
        };
        subscribe(stream, {
            next: (event) => {
                if (event.type === 'error' && event.event === 0) {
                    // Refused before it started (too long, a reply still running...): nothing was
                    // saved. After the start it is the stream that failed; the turn goes on and
                    // the watch shows it.
                    if (started) return;
                    pending?.remove();
                    transcript.showNotice(event.message, text);
                    return;
                }
                if (event.type === 'turn_started' && !started) {
                    started = true;
                    adopt(event.conversation_id, event.conversation_title);
                }
                transcript.apply(event);
            },
            error: () => {
                if (!started) {
                    pending?.remove();
                    transcript.showNotice('The message could not be sent: the connection dropped.', text);
                }
                // A turn that started goes on on the server; the watch shows the rest.
                done();
            },
            complete: done,
        });
    }

    /** The first turn of a new conversation names it: the URL, the sidebar and the watch follow. */
    function adopt(id, conversationTitle) {
        if (conversationId === id) return;
        conversationId = id;
        transcript.conversationId = id;
        chat.dataset.conversationId = id;
        history.replaceState(null, '', `/chat/${id}`);
        rememberConversation(id);
        form.action = `/chat/${id}?handler=Send`;
        confirmForm.action = `/chat/${id}?handler=Confirm`;
        title.textContent = conversationTitle;
        document.title = `${conversationTitle} · TaskChat`;
        sidebar.touch(id, conversationTitle);
        const exportMenu = document.getElementById('export-menu');
        for (const link of exportMenu.querySelectorAll('a[data-format]')) link.href = `/api/v1/conversations/${id}/export?format=${link.dataset.format}`;
        exportMenu.hidden = false;
    }

    document.getElementById('stop').addEventListener('click', () => {
        if (conversationId && hub.connected) hub.connection.invoke('StopGeneration', { conversation_id: conversationId }).catch(() => {});
    });

    // ---- Confirm / Cancel on a deletion card ----
    confirmForm.addEventListener('submit', (event) => {
        event.preventDefault();
        const button = event.submitter;
        const card = button?.closest('[data-tool-call-id]');
        if (!card || !conversationId || !hub.connected || transcript.streaming) return;
        for (const other of card.querySelectorAll('.tool-confirm button')) other.disabled = true;
        // The buttons go away with the answer; the message box is where the person goes on.
        composer.focus();
        follow(hub.connection.stream('ConfirmToolCall', {
            conversation_id: conversationId,
            tool_call_id: card.dataset.toolCallId,
            approve: button.dataset.approve === 'true',
        }), null, null);
    });

    setInterval(() => transcript.checkStalled(20_000), 5_000);

    if (!conversationId) composer.focus();
}
