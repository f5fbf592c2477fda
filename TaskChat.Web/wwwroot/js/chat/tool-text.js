// What a tool call card says, in words. Chat/Components/ToolCallText.cs says the same for cards
// rendered on the server; keep the two in step.

const quote = (text) => `“${text}”`;

export function describe(name, args = {}) {
    const number = args.number ?? '?';
    switch (name) {
        case 'add_task': return args.title ? `Add task ${quote(args.title)}` : 'Add a task';
        case 'list_tasks': {
            const status = String(args.status ?? '').toLowerCase();
            return status === 'open' ? 'List open tasks' : status === 'completed' ? 'List completed tasks' : 'List tasks';
        }
        case 'complete_task':
            return args.completed === false || args.completed === 'false' ? `Reopen task ${number}` : `Complete task ${number}`;
        case 'update_task': return args.title ? `Rename task ${number} to ${quote(args.title)}` : `Update task ${number}`;
        case 'delete_task': return `Delete task ${number}`;
        default: return String(name).replaceAll('_', ' ');
    }
}

export function resultMessage(result) {
    if (typeof result === 'string') return result;
    const message = result?.message;
    return typeof message === 'string'
        ? message.replace('Use list_tasks to see the numbers.', 'Ask “show me my tasks” to see the numbers.')
        : null;
}

export const taskTitle = (result) => result?.task?.title ?? null;

const statuses = {
    running: 'Running…',
    succeeded: 'Done',
    failed: 'Failed',
    needs_confirmation: 'Needs your confirmation',
    confirmed: 'Confirmed',
    declined: 'Cancelled',
    superseded: 'Replaced by a newer deletion',
};

export const statusText = (status) => statuses[status] ?? status;

const icons = { add_task: '+', list_tasks: '≡', complete_task: '✓', update_task: '✎', delete_task: '✕' };

export const icon = (name) => icons[name] ?? '•';
