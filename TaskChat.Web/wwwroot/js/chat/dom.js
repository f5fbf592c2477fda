// Building DOM without innerHTML: text given here always becomes a text node, so user and
// model text can never turn into markup. The one exception, fromServer, takes HTML the
// server rendered and sanitized (a finished reply, an older page of history).

export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === null || value === undefined || value === false) continue;
        if (name === 'dataset') Object.assign(element.dataset, value);
        else element.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
        if (child === null || child === undefined || child === false) continue;
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
}

/** Server-rendered HTML (our own Razor components' output) as nodes. */
export function fromServer(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    return template.content;
}

export function newId() {
    // crypto.randomUUID exists only in secure contexts; a LAN http:// deployment is not one.
    return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
