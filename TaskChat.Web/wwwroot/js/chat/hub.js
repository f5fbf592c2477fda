// The SignalR connection (same-origin cookie) and the connection state shown in the toolbar.
// withStatefulReconnect keeps streams alive across a short drop; when the session cannot be
// resumed, withAutomaticReconnect makes a new connection and onConnected lets the page
// restart its watch from the last event it applied.

const labels = {
    connecting: 'Connecting…',
    connected: 'Live',
    reconnecting: 'Reconnecting…',
    reconnected: 'Reconnected',
    disconnected: 'Offline',
};

// With several nodes (direct, rendered by the server) the hub is reached by WebSocket without
// the negotiate request: behind a load balancer without sticky sessions, negotiate and the
// connection it names may reach different nodes. That also means no stateful reconnect (it
// needs negotiate and the same node again); the watch resumes from the last event instead.
export function connect(indicator, { onConnected, direct = false }) {
    const { HubConnectionBuilder, HubConnectionState, HttpTransportType, LogLevel } = globalThis.signalR;
    const builder = direct
        ? new HubConnectionBuilder().withUrl('/hubs/chat', { skipNegotiation: true, transport: HttpTransportType.WebSockets })
        : new HubConnectionBuilder().withUrl('/hubs/chat').withStatefulReconnect();
    const connection = builder
        .withAutomaticReconnect()
        .configureLogging(LogLevel.Warning)
        .build();

    let calm;
    let retry;
    let everConnected = false;

    const show = (state) => {
        clearTimeout(calm);
        indicator.dataset.state = state;
        indicator.textContent = labels[state];
        // "Reconnected" is news for a moment, then the usual state.
        if (state === 'reconnected') calm = setTimeout(() => show('connected'), 4000);
    };

    // Works around a SignalR JS client bug (10.0): when a stateful session cannot be resumed and
    // the new connection uses a transport without stateful reconnect (WebSockets refused, so
    // Server-Sent Events or long polling), the client keeps the old session's message buffer,
    // which holds back every message sent from then on. A clean stop and start drops it.
    const statefulTransport = () => connection.connection?.features?.reconnect === true;
    let statefulSession = false;
    let restarting = false;

    // Automatic reconnect covers a connection that was up; the first start, and one that
    // automatic reconnect gave up on, are retried here.
    async function start() {
        clearTimeout(retry);
        if (connection.state !== HubConnectionState.Disconnected) return;
        show(everConnected ? 'reconnecting' : 'connecting');
        try {
            await connection.start();
            statefulSession = statefulTransport();
            show(everConnected ? 'reconnected' : 'connected');
            everConnected = true;
            onConnected();
        } catch {
            show('disconnected');
            retry = setTimeout(start, 3000);
        }
    }

    connection.onreconnecting(() => show('reconnecting'));
    connection.onreconnected(async () => {
        if (statefulSession && !statefulTransport()) {
            restarting = true;
            await connection.stop();
            restarting = false;
            await start();
            return;
        }
        show('reconnected');
        onConnected();
    });
    connection.onclose(() => {
        if (restarting) return;
        show('disconnected');
        retry = setTimeout(start, 5000);
    });
    indicator.addEventListener('click', start);
    start();

    return {
        connection,
        get connected() { return connection.state === HubConnectionState.Connected; },
    };
}

/**
 * Subscribes to a hub stream and returns a handle whose dispose() cancels it only while it is
 * still running. The SignalR client sends a cancel on every dispose, even of a stream the server
 * has already ended; such a cancel races the server's own end of the stream, so it is never sent.
 * Turn streams (SendMessage, ConfirmToolCall) are not cancelled at all: the server ends them the
 * moment the turn is over.
 */
export function subscribe(stream, { next, error = () => {}, complete = () => {} }) {
    let running = true;
    const subscription = stream.subscribe({
        next: (item) => { if (running) next(item); },
        error: (reason) => { running = false; error(reason); },
        complete: () => { running = false; complete(); },
    });
    return {
        dispose() {
            if (!running) return;
            running = false;
            subscription.dispose();
        },
    };
}
