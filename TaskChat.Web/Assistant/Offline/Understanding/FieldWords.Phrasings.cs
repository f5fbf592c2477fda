using System.Text.RegularExpressions;

namespace TaskChat.Web.Assistant.Offline.Understanding;

// The priority and list phrasings, tried in order. Add a line to teach the assistant a new one.
public static partial class FieldWords
{
    private static readonly (string Priority, Regex Pattern)[] PriorityRules =
    [
        ("high", Words(@"(?:it'?s\s+|its\s+|this\s+is\s+|make\s+it\s+|very\s+|super\s+|really\s+)?(?:high|top|highest)[\s\-]*priority")),
        ("high", Words(@"priority[\s:]*(?:high|1|one|top)")),
        ("low", Words(@"(?:it'?s\s+|its\s+|make\s+it\s+)?(?:low|lowest|bottom)[\s\-]*priority")),
        ("low", Words(@"priority[\s:]*(?:low|3|three)")),
        ("normal", Words(@"(?:normal|medium|regular|average)[\s\-]*priority|priority[\s:]*(?:normal|medium)")),
        // Before "urgent": "it is not urgent" must not be read as urgent with "it is not" left over.
        ("low", Words(@"(?:it'?s\s+|its\s+|it\s+is\s+|that'?s\s+|that\s+is\s+|this\s+is\s+)?(?:not\s+(?:urgent|important|critical|a\s+priority)|not\s+in\s+a\s+(?:rush|hurry))")),
        ("high", Words(@"(?:it'?s\s+|its\s+|it\s+is\s+|that'?s\s+|this\s+is\s+|very\s+|super\s+|really\s+)?(?:urgent(?:ly)?|important|critical|asap|a\.s\.a\.p\.?|as\s+soon\s+as\s+possible|high\s+pri)(?:\s*!+)?")),
        ("low", Words(@"(?:it'?s\s+|its\s+)?(?:not\s+urgent|no\s+rush|whenever(?:\s+i\s+(?:can|get\s+(?:a\s+)?(?:chance|time)))?|some\s*day|one\s+day|eventually|at\s+some\s+point|when\s+i\s+get\s+(?:a\s+)?(?:chance|time)|low\s+pri)")),
    ];

    private static readonly Regex[] ListRules =
    [
        // "to my work list", "on the Shopping list", "onto my grocery list"
        Words(@"(?:to|on|onto|in|into|under|for)\s+(?:my|the|our)\s+(?<list>[\p{L}\p{N}][\p{L}\p{N}'\-]*(?:\s+[\p{L}\p{N}][\p{L}\p{N}'\-]*)?)\s+list"),
        // "to the list called Errands", "in a list named Home"
        Words(@"(?:to|on|in|into)\s+(?:my|the|a)\s+list\s+(?:called|named)\s+(?<list>[\p{L}\p{N}][\p{L}\p{N}'\- ]{0,40})"),
        // "for work", "for home": the everyday lists people name without the word "list"
        Words(@"for\s+(?<list>work|home|school|the\s+house|the\s+office|errands|shopping)"),
        // "to my list", "on my to-do list": no name, only the words go
        Words(@"(?:to|on|onto|in|into)\s+(?:my|the|our)\s+(?:to-?do\s+|todo\s+|task\s+)?(?:list|tasks|to-?dos)"),
    ];

    private static Regex Words(string phrase) =>
        new($@"(?:^|[\s,;(]+)(?:{phrase})(?=$|[\s,;.!?)]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
