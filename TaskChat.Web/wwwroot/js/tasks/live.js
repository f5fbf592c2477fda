// The tasks hub: calls onChange whenever any of this user's tasks changed, from any tab, the
// assistant or the API (the server sends "tasks_changed" to this user's connections only), and
// once connected or reconnected, since changes may have been missed while not listening.
export function watchTasks(onChange) {
    const { HubConnectionBuilder, HubConnectionState, LogLevel } = globalThis.signalR;
    const connection = new HubConnectionBuilder()
        .withUrl('/hubs/tasks')
        // Not at once: a server that is stopping closes its connections and should not get new ones.
        .withAutomaticReconnect([1000, 3000, 10000, 30000])
        .configureLogging(LogLevel.Warning)
        .build();
    connection.on('tasks_changed', () => onChange());
    connection.onreconnected(() => onChange());

    let retry;
    async function start() {
        clearTimeout(retry);
        if (connection.state !== HubConnectionState.Disconnected) return;
        try {
            await connection.start();
            document.documentElement.dataset.tasksLive = 'true';
            // A change made between rendering the page and connecting was announced to no one.
            onChange();
        } catch {
            retry = setTimeout(start, 3000);
        }
    }
    connection.onclose(() => {
        delete document.documentElement.dataset.tasksLive;
        retry = setTimeout(start, 5000);
    });
    start();
    return connection;
}

/** Fetches HTML the page renders, or null when the request fails (the page keeps what it shows). */
export async function fetchHtml(url, options = {}) {
    try {
        const response = await fetch(url, { credentials: 'same-origin', ...options, headers: { 'X-Requested-With': 'fetch', ...options.headers } });
        return response.ok ? await response.text() : null;
    } catch {
        return null;
    }
}
