namespace TaskChat.Web.Assistant.Offline.Understanding;

// Verbs that start a task: "call mom and email dad" is two tasks because both halves start with one.
public static partial class TitleWords
{
    private static readonly HashSet<string> Verbs =
    [
        "buy", "call", "email", "e-mail", "text", "message", "send", "pay", "book", "clean", "fix", "pick", "get", "make", "write",
        "read", "finish", "schedule", "cancel", "order", "return", "renew", "water", "feed", "walk", "wash", "cook", "take", "bring",
        "check", "visit", "go", "prepare", "plan", "submit", "review", "print", "post", "mail", "ring", "phone", "sign", "update",
        "file", "ship", "drop", "mow", "tidy", "sort", "do", "meet", "see", "ask", "tell", "remind", "invite", "pack", "unpack",
        "paint", "repair", "replace", "install", "charge", "backup", "back", "vacuum", "hoover", "iron", "fold", "empty", "refill",
        "collect", "deliver", "grab", "fetch", "practice", "practise", "study", "learn", "start", "research", "find", "look", "organize",
        "organise", "register", "apply", "donate", "sell", "list", "bake", "wrap", "hang", "move", "change", "reply", "respond",
        "confirm", "reserve", "rent", "borrow", "lend", "feed", "exercise", "run", "jog", "swim", "shop", "upload", "download",
    ];
}
