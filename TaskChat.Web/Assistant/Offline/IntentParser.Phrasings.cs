namespace TaskChat.Web.Assistant.Offline;

// The phrasings the offline assistant understands, in the order they are tried (see IntentParser).
public static partial class IntentParser
{
    private const string N = Phrase.TaskNumber;

    // "to", "as", "into" or a colon between a task and its new title: "rename task 2 to call dad", "rename task 2: call dad".
    private const string To = @"\s*(?:(?:to|as|into)\s+|[:\-–]\s*)";

    // Edits and creates with a clear verb; matched against the cleaned text, case kept for titles.
    private static readonly Rule[] Requests =
    [
        // Update: rename, retitle, describe.
        Say($@"^(?:rename|retitle|re-name)\s+{N}(?:{To}|\s+)(?<title>.+)$", Update(Certain)),
        Say($@"^(?:change|update|edit|set|modify|make)\s+(?:the\s+)?(?:title|name)\s+(?:of|for|on)\s+{N}{To}(?<title>.+)$", Update(Certain)),
        Say($@"^(?:change|update|edit|set|modify)\s+{N}'?s?\s+(?:title|name){To}(?<title>.+)$", Update(Certain)),
        Say($@"^(?:change|update|edit|set|modify|make)\s+(?:the\s+)?(?:description|details|notes?)\s+(?:of|for|on)\s+{N}{To}(?<description>.+)$", Update(Certain)),
        Say($@"^(?:change|update|edit|set|modify)\s+{N}'?s?\s+(?:description|details|notes?){To}(?<description>.+)$", Update(Certain)),
        Say($@"^(?:add|put|attach|give)\s+(?:a\s+|the\s+|some\s+)?(?:description|details|notes?)\s+(?:to|on|for)\s+{N}(?:\s*[:\-–]\s*|\s+(?:saying|that\s+says)\s+|\s+)(?<description>.+)$", Update(Certain)),
        Say($@"^(?:change|update|edit|modify|set)\s+{N}{To}(?<title>.+)$", UpdateOrStatus),

        // Create, with an explicit verb.
        Say(@"^(?:create|add|make|new|set\s+up|write\s+down|jot\s+down|put\s+down|save|log|record)\s+(?:(?:a|an|another|one\s+more)\s+)?(?:new\s+)?(?:task|to-?do|todo\s+item|item|reminder|entry)(?:\s*[:\-–]\s*|\s+(?:to|for|called|named|titled|that\s+says|saying|about)\s+|\s+)(?<title>.+)$", Create(Certain)),
        Say(@"^(?:add|put|stick|pop|throw|write|jot|place)\s+(?<title>.+?)\s+(?:to|on|onto|in|into)\s+(?:my\s+|the\s+)?(?:(?:task|to-?do|todo|shopping|grocery|groceries)\s+)?(?:list|tasks|to-?dos?)$", Create(Certain)),
        Say(@"^remind\s+me\s+(?:to\s+|about\s+|of\s+|that\s+i\s+(?:need|have)\s+to\s+)?(?<title>.+)$", Create(Certain)),
        Say(@"^(?:create|add|make|new)\s+(?:(?:a|an|another)\s+)?(?:new\s+)?(?:task|to-?do|item|reminder)$",
            _ => OfflineIntent.Text(ToolNames.AddTask, Unsure, Replies.AskForTitle)),

        // Reopen, before complete: "mark task 2 as not done" must not read as "done".
        Say($@"^(?:reopen|re-open|unfinish|uncheck|untick|uncomplete|un-complete|undo|restore|reactivate|re-activate|unmark|un-mark)\s+{N}(?:\s+(?:as\s+)?(?:done|complete|completed|finished))?$", Complete(false, Certain)),
        Say($@"^(?:mark|set|flag|make|put|move)\s+{N}\s+(?:as\s+|back\s+to\s+|to\s+|back\s+as\s+)?(?:not\s+(?:yet\s+)?(?:done|complete|completed|finished)|incomplete|uncompleted|undone|unfinished|open|pending|to\s*-?\s*do|active|not\s+started)(?:\s+again)?$", Complete(false, Certain)),
        Say($@"^{N}\s+(?:is\s+not|isn'?t|is\s+no\s+longer|was\s+not|wasn'?t)\s+(?:really\s+|actually\s+)?(?:done|complete|completed|finished)(?:\s+yet)?$", Complete(false, Likely)),
        Say($@"^open\s+{N}\s+(?:again|back\s+up)$", Complete(false, Likely)),
        Say($@"^i\s+(?:did\s+not|didn'?t|haven'?t|have\s+not)\s+(?:actually\s+|really\s+)?(?:finish|finished|complete|completed|do|done)\s+{N}(?:\s+yet)?$", Complete(false, Likely)),

        // Complete.
        Say($@"^(?:mark|set|flag|tick|check|make|put)\s+{N}\s+(?:as\s+|to\s+)?(?:being\s+)?(?:complete|completed|done|finished|closed|checked(?:\s+off)?|ticked(?:\s+off)?)$", Complete(true, Certain)),
        Say($@"^(?:complete|completed|finish|finished|close|check\s+off|tick\s+off|cross\s+off|check|tick|cross|finalize|wrap\s+up)\s+{N}(?:\s+off)?$", Complete(true, Certain)),
        Say($@"^i(?:'?ve|\s+have)?\s+(?:just\s+|already\s+|finally\s+)?(?:finished|completed|done|did|closed|wrapped\s+up|checked\s+off)\s+{N}$", Complete(true, Certain)),
        Say($@"^(?:i'?m\s+|i\s+am\s+)?(?:all\s+)?(?:done|finished|through)\s+with\s+{N}$", Complete(true, Certain)),
        Say($@"^{N}\s+(?:is\s+|has\s+been\s+|was\s+|got\s+)?(?:all\s+)?(?:done|complete|completed|finished)$", Complete(true, Likely)),

        // Delete (only ever proposed; the user confirms).
        Say($@"^(?:delete|remove|erase|trash|drop|discard|scrap|bin|ditch|get\s+rid\s+of|throw\s+away|throw\s+out|cancel|kill)\s+{N}(?:\s+(?:from|off)\s+(?:my\s+|the\s+)?(?:list|tasks))?$", Delete(Certain)),
    ];

    // Softer creates: what follows "I need to" may itself be a request, so it is parsed first.
    private static readonly Rule[] Intentions =
    [
        Say(@"^i\s+(?:really\s+)?(?:need|have|got|want|ought)\s+to\s+(?<title>.+)$", Create(Guess)),
        Say(@"^i\s+(?:must|should|gotta|have\s+got\s+to|'?ve\s+got\s+to)\s+(?<title>.+)$", Create(Guess)),
        Say(@"^(?:don'?t|do\s+not)\s+(?:let\s+me\s+)?forget\s+(?:to\s+|about\s+)?(?<title>.+)$", Create(Likely)),
        Say(@"^(?:remember\s+to|note\s+to\s+self\s*:?|to-?do\s*:|task\s*:)\s*(?<title>.+)$", Create(Likely)),
        Say(@"^(?:add|create)\s+(?<title>.+)$", Create(Guess)),
    ];

    // Questions, small talk and incomplete requests; matched against the loose form (lower case, no apostrophes).
    private static readonly Rule[] Questions =
    [
        Say(@"^(?:what|which(?:\s+tasks?|\s+ones?)?)\s+(?:have|did|has)\s+i\s+(?:already\s+|got\s+)?(?:done|do|finish|finished|complete|completed|accomplish|accomplished|checked\s+off|ticked\s+off|closed)(?:\s+(?:so\s+far|already|today|yet|this\s+week|lately))?$", List("completed", Certain)),
        Say(@"^(?:whats|what\s+is|what\s+has\s+been)\s+(?:been\s+)?(?:done|finished|completed)(?:\s+so\s+far)?$", List("completed", Certain)),
        Say(@"^(?:whats|what\s+is)\s+(?:left|remaining|pending|outstanding|open|next|still\s+open|still\s+pending|on\s+my\s+plate|left\s+to\s+do|still\s+to\s+do|to\s+do|todo|up\s+next|due|not\s+done|undone|unfinished|incomplete)(?:\s+(?:today|for\s+today|now))?$", List("open", Certain)),
        Say(@"^what\s+(?:else\s+)?(?:do|should|must|shall|can)\s+i\s+(?:still\s+)?(?:have\s+to\s+|need\s+to\s+|got\s+to\s+|gotta\s+)?do(?:\s+(?:today|next|now|still))?$", List("open", Certain)),
        Say(@"^what\s+(?:do\s+i\s+have|have\s+i\s+got|ive\s+got)\s+(?:left|remaining|open|pending)(?:\s+to\s+do)?$", List("open", Certain)),
        Say(@"^what\s+(?:remains|is\s+left|is\s+remaining|else\s+is\s+there)(?:\s+to\s+do)?$", List("open", Certain)),
        Say(@"^(?:do\s+i\s+have\s+|is\s+there\s+|are\s+there\s+)?(?:anything|something|any\s+tasks?)\s+(?:left|else|remaining|pending|open|to\s+do)(?:\s+to\s+do)?$", List("open", Likely)),
        Say(@"^whats\s+on\s+my\s+plate(?:\s+today)?$", List("open", Certain)),
        Say(@"^whats\s+(?:on|in)\s+(?:my|the)\s+(?:list|to-?do\s+list|todo\s+list|task\s+list|tasks|agenda)(?:\s+today)?$", List("all", Certain)),
        Say(@"^(?:what|which)\s+(?:are|r)\s+(?:my|the|all\s+my|all\s+the)\s+(?<rest>.+)$", ListIfAboutTasks(Certain)),
        Say(@"^what\s+(?<rest>(?:\w+\s+)?(?:tasks?|to-?dos?|things))\s+(?:do|have)\s+i(?:\s+(?:got|have|still\s+have))?(?:\s+(?:to\s+do|left|open|done|finished|completed))?$", ListIfAboutTasks(Certain)),
        Say(@"^(?:what|which)\s+(?:tasks?|ones?|items?)\s+(?:are|r|have\s+been|were)\s+(?:still\s+|already\s+)?(?<rest>.+)$", ListIfAboutTasks(Certain)),
        Say(@"^(?:how\s+many|do\s+i\s+have\s+any|any)\s+(?<rest>.+)$", ListIfAboutTasks(Likely)),
        Say(@"^(?:show|list|display|view|see|get|give|tell|read|print|pull\s+up|bring\s+up|fetch|check|lemme\s+see|let\s+me\s+see|can\s+i\s+see|i\s+want\s+to\s+see|id\s+like\s+to\s+see)(?:\s+(?:me|us))?(?<rest>(?:\s+.*)?)$", ListIfAboutTasks(Certain, emptyMeansAll: true)),
        Say(@"^(?<rest>(?:my\s+|all\s+(?:my\s+)?|the\s+)?(?:(?:open|pending|completed|done|finished|remaining|current)\s+)?(?:tasks?|to-?dos?|to-?do\s+list|todo\s+list|task\s+list))$", ListIfAboutTasks(Certain)),
    ];

    private static readonly Rule[] SmallTalk =
    [
        Say(@"^(?:help|\?+|what\s+can\s+you\s+do|what\s+can\s+i\s+(?:say|ask|do)|how\s+does\s+this\s+work|how\s+do\s+(?:i|you)\s+use\s+(?:this|you|it)|what\s+do\s+you\s+do|commands|examples?|what\s+are\s+you|who\s+are\s+you)$",
            _ => OfflineIntent.Text(OfflineIntent.Help, Certain, Replies.Help)),
        Say(@"^(?:hi|hello|hey|hiya|howdy|yo|good\s+(?:morning|afternoon|evening)|greetings)(?:\s+there)?$",
            _ => OfflineIntent.Text(OfflineIntent.Greeting, Certain, Replies.Greeting)),
        Say(@"^(?:thanks|thank\s+you|thx|ty|cheers|great|awesome|perfect|nice|cool|much\s+appreciated)(?:\s+(?:so\s+much|a\s+lot|very\s+much))?$",
            _ => OfflineIntent.Text(OfflineIntent.Thanks, Certain, Replies.Thanks)),
    ];

    private static readonly Rule[] WithoutNumber =
    [
        // A verb we know without a task number: ask for the number rather than guess.
        Say(@"^(?:delete|remove|erase|trash|get\s+rid\s+of|throw\s+away)\b", _ => OfflineIntent.Text(ToolNames.DeleteTask, Unsure, Replies.AskForNumber("delete", "delete task 3"))),
        Say(@"^(?:reopen|re-open|uncheck|untick|unmark)\b", _ => OfflineIntent.Text(ToolNames.CompleteTask, Unsure, Replies.AskForNumber("reopen", "reopen task 1"))),
        Say(@"^(?:mark|complete|finish|check\s+off|tick\s+off|cross\s+off|i\s+(?:finished|completed)|done\s+with)\b", _ => OfflineIntent.Text(ToolNames.CompleteTask, Unsure, Replies.AskForNumber("mark as complete", "mark task 1 as complete"))),
        Say(@"^(?:rename|change|update|edit|modify)\b", _ => OfflineIntent.Text(ToolNames.UpdateTask, Unsure, Replies.AskForNumber("change", "rename task 2 to call dad"))),
    ];
}
