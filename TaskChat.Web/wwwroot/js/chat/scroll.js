// Keeps the newest message in view while the reader is at the bottom, and leaves the view
// alone once they scroll up. Older messages load when the top comes into view.
import { fromServer } from './dom.js';

export function setUpScrolling(scroller) {
    let atBottom = true;
    let frame = 0;
    // Where the view was when it was last at the bottom. Content growing underneath fires
    // scroll events too (before the frame that follows it), so "the reader scrolled up" means
    // the view moved up from there, not merely that the bottom got further away.
    let leftAt = 0;

    const distance = () => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
    scroller.addEventListener('scroll', () => {
        if (distance() < 48) {
            atBottom = true;
            leftAt = scroller.scrollTop;
        } else if (scroller.scrollTop < leftAt - 2) {
            atBottom = false;
        }
    }, { passive: true });

    const toBottom = () => {
        scroller.scrollTop = scroller.scrollHeight;
        leftAt = scroller.scrollTop;
    };
    toBottom();

    return {
        /** After content changed: follow it if the reader was at the bottom (once per frame). */
        stick() {
            if (!atBottom || frame) return;
            frame = requestAnimationFrame(() => {
                frame = 0;
                if (scroller.scrollTop < leftAt - 2) atBottom = false;
                if (atBottom) toBottom();
            });
        },
        /** The reader just sent something: show it, wherever they were. */
        jump() {
            atBottom = true;
            toBottom();
        },
    };
}

/** The "Load older messages" link, followed automatically when it scrolls into view. */
export function setUpOlderMessages({ scroller, list, conversationId }) {
    const link = document.getElementById('load-older');
    if (!link || !conversationId) return;
    let loading = false;

    async function load() {
        if (loading) return;
        loading = true;
        try {
            const before = list.querySelector('li.message[data-sequence]')?.dataset.sequence;
            const response = await fetch(`/chat/${conversationId}?handler=History&before=${before}`,
                { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
            if (!response.ok) return;
            const older = fromServer(await response.text());
            // Keep what the reader is looking at where it is while content appears above it.
            const fromBottom = scroller.scrollHeight - scroller.scrollTop;
            list.prepend(older);
            scroller.scrollTop = scroller.scrollHeight - fromBottom;
            if (response.headers.get('X-Has-More') !== 'true') {
                observer.disconnect();
                link.remove();
            } else {
                // Observing again reports the link at once if it is still in view (short pages).
                observer.unobserve(link);
                observer.observe(link);
            }
        } finally {
            loading = false;
        }
    }

    const observer = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) load();
    }, { root: scroller, rootMargin: '200px 0px 0px 0px' });
    observer.observe(link);
    link.addEventListener('click', (event) => {
        event.preventDefault();
        load();
    });
}
