namespace TaskChat.Web.Assistant.Offline.Understanding;

// The words typo correction knows. Add a misspelling to Corrections to have it fixed anywhere in
// a message; add a command word to CommandWords to have near misses of it fixed at the start.
public static partial class Typos
{
    private static readonly Dictionary<string, string> Corrections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["taks"] = "tasks", ["tsak"] = "task", ["tak"] = "task", ["taskk"] = "task", ["tasl"] = "task", ["tsaks"] = "tasks",
        ["takss"] = "tasks", ["tasls"] = "tasks", ["tasjs"] = "tasks", ["tasksk"] = "tasks",
        ["shwo"] = "show", ["sho"] = "show", ["shw"] = "show", ["sohw"] = "show", ["hsow"] = "show",
        ["compelte"] = "complete", ["complet"] = "complete", ["compete"] = "complete", ["compltete"] = "complete", ["comlete"] = "complete",
        ["copmlete"] = "complete", ["completd"] = "completed", ["compelted"] = "completed", ["complted"] = "completed",
        ["delte"] = "delete", ["dlete"] = "delete", ["delet"] = "delete", ["deleet"] = "delete", ["deletee"] = "delete", ["dleete"] = "delete",
        ["remvoe"] = "remove", ["reomve"] = "remove", ["rmove"] = "remove",
        ["doen"] = "done", ["dnoe"] = "done", ["odne"] = "done", ["donee"] = "done",
        ["fnished"] = "finished", ["finsihed"] = "finished", ["finshed"] = "finished", ["finihsed"] = "finished",
        ["mkar"] = "mark", ["makr"] = "mark", ["amrk"] = "mark",
        ["lsit"] = "list", ["lst"] = "list", ["ilst"] = "list",
        ["tomorow"] = "tomorrow", ["tommorow"] = "tomorrow", ["tommorrow"] = "tomorrow", ["tomorrrow"] = "tomorrow", ["tomrrow"] = "tomorrow",
        ["2moro"] = "tomorrow", ["tmorrow"] = "tomorrow", ["tomoro"] = "tomorrow",
        ["tonite"] = "tonight", ["tday"] = "today", ["tody"] = "today", ["todya"] = "today",
        ["wendesday"] = "wednesday", ["wednsday"] = "wednesday", ["wensday"] = "wednesday", ["thrusday"] = "thursday", ["thursdy"] = "thursday",
        ["firday"] = "friday", ["fridy"] = "friday", ["saturady"] = "saturday", ["satruday"] = "saturday", ["tuseday"] = "tuesday",
        ["mondy"] = "monday", ["sunady"] = "sunday",
        ["urgnet"] = "urgent", ["ugrent"] = "urgent", ["imporant"] = "important", ["importnat"] = "important",
        ["priorty"] = "priority", ["prioirty"] = "priority", ["priotity"] = "priority",
        ["remidn"] = "remind", ["remin"] = "remind", ["rmind"] = "remind",
        ["waht"] = "what", ["whta"] = "what", ["wat"] = "what", ["whats"] = "what's",
        ["undoo"] = "undo", ["udno"] = "undo", ["unod"] = "undo",
        ["renmae"] = "rename", ["reanme"] = "rename", ["reopne"] = "reopen",
        ["overdeu"] = "overdue", ["ovredue"] = "overdue",
        ["pls"] = "please", ["plz"] = "please", ["u"] = "you", ["ur"] = "your",
    };

    // Misspellings that are only read as a command at the start ("ad milk"; "an ad" elsewhere is a word).
    private static readonly Dictionary<string, string> FirstWordCorrections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ad"] = "add", ["addd"] = "add", ["adn"] = "add", ["creat"] = "create", ["cretae"] = "create", ["mrak"] = "mark",
        ["dlt"] = "delete", ["del"] = "delete", ["rm"] = "remove", ["ls"] = "list", ["shwo"] = "show",
    };

    private static readonly HashSet<string> CommandWords =
    [
        "add", "show", "list", "complete", "delete", "remove", "mark", "finish", "finished", "rename", "reopen", "undo", "move",
        "change", "create", "check", "tick", "update", "display", "remind", "clear", "what", "postpone", "reschedule", "done",
        "completed",
    ];

    // Real words one letter from a command word, which must never be "corrected".
    private static readonly HashSet<string> NotCommands =
    [
        "shop", "snow", "slow", "shot", "mask", "park", "dark", "bark", "work", "mart", "list", "lost", "last", "lest", "cheek",
        "chuck", "chick", "trick", "tack", "stick", "love", "mode", "more", "made", "none", "gone", "bone", "tone", "lone", "dine",
        "date", "data", "hate", "rate", "wait", "want", "whet", "that", "whit", "finch", "remove", "remote", "rename", "create",
        "crate", "update", "upgrade", "mover", "moved", "mouse", "movie", "range", "charge", "chance", "clean", "cleat", "delay",
        "deploy", "relist", "remand", "rewind", "repeat", "reopen", "remain", "render", "remit",
    ];
}
