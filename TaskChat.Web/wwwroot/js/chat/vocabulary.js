// What the server decides and the page's scripts need: status words, tool icons, the event
// numbering stride and the title limit, read from the JSON block the chat page renders
// (Chat/Components/ChatVocabulary.cs). No script keeps its own copy.

const block = document.getElementById('chat-vocabulary');

export const vocabulary = Object.freeze(JSON.parse(block?.textContent || '{}'));

export const messageStatusText = (status) => vocabulary.message_status?.[status] ?? status;

export const toolStatusText = (status) => vocabulary.tool_status?.[status] ?? status;

export const toolIcon = (name) => vocabulary.tool_icons?.[name] ?? vocabulary.default_tool_icon ?? '';
