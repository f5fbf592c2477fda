// The first time a page sees that the browser's time zone differs from the account's, it moves
// the account to the browser's zone, so "today" means the person's today. It does so once per
// browser zone: someone who sets another zone on purpose is not overruled on every page load.
const key = 'taskchat.time-zone-seen';

/** Resolves to the account's new zone when it moved, else null. */
export async function syncTimeZone(accountZone) {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browserZone || !accountZone || browserZone === accountZone) return null;
    if (localStorage.getItem(key) === browserZone) return null;
    try {
        const response = await fetch('/api/v1/me', {
            method: 'PATCH',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ time_zone: browserZone }),
        });
        // A zone the server does not know is not asked about again either.
        if (response.ok || response.status === 400) localStorage.setItem(key, browserZone);
        return response.ok ? browserZone : null;
    } catch {
        // Offline: try again next time.
        return null;
    }
}
