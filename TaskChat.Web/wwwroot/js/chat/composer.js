// The message box: Enter sends, Shift+Enter adds a line, the box grows with its text, and
// Send gives way to Stop while a reply is being written.

export function setUpComposer({ form, textarea, send, stop }) {
    const grow = () => {
        textarea.style.height = 'auto';
        textarea.style.height = `${Math.min(textarea.scrollHeight, 200)}px`;
    };
    textarea.addEventListener('input', grow);
    textarea.addEventListener('keydown', (event) => {
        // isComposing: Enter that confirms an IME composition (Japanese, Chinese...) is not a send.
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            form.requestSubmit(send);
        }
    });

    return {
        take() {
            const text = textarea.value;
            textarea.value = '';
            grow();
            return text;
        },
        restore(text) {
            if (textarea.value.trim() === '') {
                textarea.value = text;
                grow();
            }
        },
        setStreaming(streaming) {
            send.disabled = streaming;
            send.hidden = streaming;
            stop.hidden = !streaming;
        },
        focus: () => textarea.focus(),
    };
}
