namespace TaskChat.Web.Assistant.Offline.Understanding;

/// <summary>
/// The phrasings the offline assistant understands, as data: extend a table with a line to teach
/// it a new way of saying something (see <see cref="Phrasing"/> for the pattern syntax). Within a
/// table the first line that matches wins, so put the more specific phrasing first. Dates,
/// priorities and lists inside titles are in <see cref="DateWords"/> and <see cref="FieldWords"/>;
/// misspellings in <see cref="Typos"/>.
/// </summary>
public static class PhraseBook
{
    public static readonly IReadOnlyDictionary<string, string> WordClasses = new Dictionary<string, string>
    {
        ["done"] = "done|complete|completed|finished|closed|checked( off)?|ticked( off)?|crossed( off)?|sorted|handled|taken care of|dealt with|over with|out of the way",
        ["donepast"] = "finished|completed|done|did|closed|wrapped up|checked off|ticked off|crossed off|sorted( out)?|handled|dealt with|taken care of|took care of|got through",
        ["complete"] = "complete|finish|close|check off|tick off|cross off|check|tick|cross|strike|finalize|finalise|wrap up|done",
        ["open"] = "not (yet )?(done|complete|completed|finished)|incomplete|uncompleted|undone|unfinished|open|pending|to ?-?do|active|not started|unchecked|unticked",
        ["notdone"] = "is not|isn't|isnt|is no longer|was not|wasn't|are not|aren't|were not|weren't",
        ["reopen"] = "reopen|re-open|unfinish|uncheck|untick|uncomplete|un-complete|restore|reactivate|re-activate|unmark|un-mark|unarchive|revive",
        ["delete"] = "delete|remove|erase|trash|drop|discard|scrap|bin|ditch|get rid of|throw away|throw out|wipe|wipe out|clear|clear out|cancel|kill|nuke|purge|lose|axe",
        ["add"] = "add|create|new|write down|jot down|note down|put down|insert",
        ["addtask"] = "add|create|make|new|set up|write down|jot down|note down|put down|save|log|record|note|insert|set",
        ["it"] = "it|that|this|this one|that one|that task|this task",
        ["priority"] = "(very |super |really )?(urgent|important|critical|asap)|(high|top|highest|low|lowest|normal|medium|regular)( priority| pri)?|priority (high|low|normal|medium)|not urgent|no rush",
    };

    public static readonly IReadOnlyList<Phrasing> Undo =
    [
        new(RequestIntent.Undo, "(please )?(undo|revert|reverse|take back|roll back|rollback|cancel|undo undo)( {it}| my last change| the last change| last change| the last thing| the last one| what you (just )?did| your last change| the change| that change| that last change)?( again| too| as well| please)?"),
        new(RequestIntent.Undo, "(oops|whoops|oh no|my bad|wait|no wait|oh wait|nope|wrong|mistake|sorry)[,!. ]*(please )?(undo|revert|go back|take it back|take that back|roll (it )?back)( {it}| please| again)?"),
        new(RequestIntent.Undo, "(that was|that's|thats|it was) (a )?(mistake|wrong|an accident|not what i meant)[,!. ]*((please )?(undo|revert)( {it})?)?"),
        new(RequestIntent.Undo, "(put|change|set) (it|that|everything) back( (the way|how) it was)?"),
        new(RequestIntent.Undo, "(go back|take (it|that) back|never mind that last (one|change)|i didn't mean (to do )?that)"),
        new(RequestIntent.Undo, "(undo|revert) (the )?(last|previous) (two|2|three|3) (changes|things)"),
    ];

    /// <summary>Edits of an existing task; tried before completing and deleting, which share their verbs.</summary>
    public static readonly IReadOnlyList<Phrasing> Edits =
    [
        new(RequestIntent.Update, "(add|put|attach|write|leave) (a |the |some )?(note|description|details|comment) (to|on|for) {target}( saying| that says)?(:| -| ) ?{value}", Slot.Description),
        new(RequestIntent.Update, "(change|update|edit|set|modify) (the )?(description|details|notes?) (of|for|on) {target} (to|as|:) {value}", Slot.Description),
        new(RequestIntent.Update, "(change|update|edit|set|modify) {target}'?s (description|details|notes?) (to|as|:) {value}", Slot.Description),
        new(RequestIntent.Update, "(rename|retitle|re-name|re-title) {target}( to| as| into|:) {value}", Slot.Title),
        new(RequestIntent.Update, "(change|update|edit|set|modify|make) (the )?(title|name|wording) (of|for|on) {target} (to|as|into|:) {value}", Slot.Title),
        new(RequestIntent.Update, "(change|update|edit|set|modify) {target}'?s (title|name) (to|as|:) {value}", Slot.Title),
        new(RequestIntent.Update, "(call|name) {target} {value} instead", Slot.Title),
        new(RequestIntent.Update, "(remove|clear|delete|drop|take off|take away|get rid of|unset) the (due date|due|date|deadline) (from|of|on|for) {target}", Slot.ClearDue),
        new(RequestIntent.Update, "{target} (has|needs|should have) no (due date|deadline|date)( anymore| any more)?", Slot.ClearDue),
        new(RequestIntent.Update, "(remove|take|move) {target} (off|from|out of) (my|the) {value} list", Slot.ClearList),
        new(RequestIntent.Update, "(change|set|update|move|push|make) the (due date|date|deadline|due day) (of|for|on) {target} (to|for|as|until) {value}", Slot.Due),
        new(RequestIntent.Update, "(change|set|update|move|push) {target}'?s (due date|date|deadline) (to|for|as|until) {value}", Slot.Due),
        new(RequestIntent.Update, "set {target} (due|due date|deadline) (to |for |on |as )?{value}", Slot.Due),
        new(RequestIntent.Update, "{target} (is|should be|will be|'s|needs to be done|has to be done|must be done) (due )?(on |by |for |until )?{value}", Slot.Due),
        new(RequestIntent.Update, "(postpone|push|delay|defer|bump|move|push back|put off|shift) {target} (back )?by {value}", Slot.Shift),
        new(RequestIntent.Update, "(postpone|push|delay|defer|bump|push back|put off) {target} (back )?(?<value>(a|one|another) (day|week))", Slot.Shift),
        new(RequestIntent.Update, "(move|push|postpone|reschedule|shift|bump|delay|defer|put off|push back|change|switch) {target} (to|until|till|for|into|onto|on|over to) {value}", Slot.Any),
        new(RequestIntent.Update, "(postpone|reschedule|delay|defer|push back|put off) {target} (until |till )?{value}", Slot.Due),
        new(RequestIntent.Update, "(set|change|make|update) (the )?priority (of|for|on) {target} (to |as )?{value:priority}", Slot.Priority),
        new(RequestIntent.Update, "(make|mark|set|flag|change|turn) {target} (as |to |into )?{value:priority}", Slot.Priority),
        new(RequestIntent.Update, "(it's|it is|its|that's|that is|this is|thats) {value:priority}", Slot.Priority),
        new(RequestIntent.Update, "(it's|it is|its|that's|that is) due {value}", Slot.Due),
        new(RequestIntent.Update, "(move|file|switch) {target} (on|to|in|into|onto|under) (my|the|our) {value} list", Slot.List),
        new(RequestIntent.Update, "(change|update|edit|modify) {target} (to|into) {value}", Slot.Title),
        new(RequestIntent.AddOrMove, "(put|stick|pop|place) {target} (on|to|in|into|onto|under) (my|the|our) {value} list", Slot.List),
    ];

    public static readonly IReadOnlyList<Phrasing> Reopen =
    [
        new(RequestIntent.Reopen, "{reopen} {target}( again| as (not done|incomplete|open))?"),
        new(RequestIntent.Reopen, "(mark|set|flag|make|put|move|change) {target} (as |back to |to |back as |back )?{open}( again)?"),
        new(RequestIntent.Reopen, "{target} {notdone} (really |actually |quite )?(done|complete|completed|finished)( yet| actually| after all)?"),
        new(RequestIntent.Reopen, "i (did not|didn't|didnt|haven't|havent|have not) (actually |really )?(finish|finished|complete|completed|do|done) {target}( yet| after all)?"),
        new(RequestIntent.Reopen, "(open|bring back) {target} (again|back up)"),
        new(RequestIntent.Reopen, "undo (task |#|number ){target}"),
    ];

    public static readonly IReadOnlyList<Phrasing> Complete =
    [
        new(RequestIntent.Complete, "(mark|set|flag|make|put|have|get) {target} (as |to )?(being )?(all )?{done}"),
        new(RequestIntent.Complete, "(check|tick|cross|strike|knock) {target} off( the list| my list)?"),
        new(RequestIntent.Complete, "(i'm |i am |im )?(all )?(done|finished|through) with {target}"),
        new(RequestIntent.Complete, "(it's|its|it is|that's|thats|that is|this is) (all |now |finally )?{done}( now)?"),
        new(RequestIntent.Complete, "{complete} {target}( off)?( as done| now)?"),
        new(RequestIntent.Complete, "(i('ve| have|ve)? )?(just |already |finally |now |actually )?{donepast} {target}( already| now| today| just now)?"),
        new(RequestIntent.Complete, "{target} (is|are|was|were|has been|have been|got|'s|is all|are all|is now|are now|is finally|is already) (all |now |finally |already )?{done}( now| already| today)?"),
        new(RequestIntent.Complete, "{target} {done}"),
    ];

    public static readonly IReadOnlyList<Phrasing> Delete =
    [
        new(RequestIntent.Delete, "{delete} {target}( from| off) (my|the) (list|tasks|to-?do list|todo list|task list)"),
        new(RequestIntent.Delete, "{delete} {target}( please| for good| completely| entirely| permanently)?"),
        new(RequestIntent.Delete, "i (don't|do not|dont) (need|want) {target} (anymore|any more|on my list)"),
    ];

    /// <summary>Requests to add, with a clear verb. <c>{title}</c> may hold several tasks ("eggs, milk and bread").</summary>
    public static readonly IReadOnlyList<Phrasing> Adds =
    [
        new(RequestIntent.Add, "{addtask} (a |an |another |one more |some )?(new )?(tasks?|to-?dos?|todo items?|items?|reminders?|entry|entries)( to| for| called| named| titled| that says| saying| about|:| -)? {title}"),
        new(RequestIntent.Add, "remind me (to |about |of |that i (need|have|must|should) (to )?)?{title}"),
        new(RequestIntent.Add, "(can|could) you remind me (to |about )?{title}"),
        new(RequestIntent.Add, "(i want|i'd like|i would like) to add {title}"),
        new(RequestIntent.Add, "{add}(:| -)? {title}"),
        new(RequestIntent.AddOrMove, "(put|stick|pop|throw|place|jot|write|file) {title}"),
    ];

    /// <summary>Softer ways to say "add": what follows may itself be a request ("I need to delete task 3"), which wins.</summary>
    public static readonly IReadOnlyList<Phrasing> Intentions =
    [
        new(RequestIntent.Add, "i (really |still |also )?(need|have|got|want|ought|am going|'m going|plan|hope) to {title}"),
        new(RequestIntent.Add, "i (must|should|gotta|have got to|'ve got to|ve got to|need) {title}"),
        new(RequestIntent.Add, "(need|have|got|gotta|going) to {title}"),
        new(RequestIntent.Add, "gotta {title}"),
        new(RequestIntent.Add, "(don't|do not|dont) (let me )?forget (to |about )?{title}"),
        new(RequestIntent.Add, "(remember|make sure) (to |that i |i )?{title}"),
        new(RequestIntent.Add, "(note to self|to-?do|todo|task|reminder|new)(:| -) ?{title}"),
    ];
}
