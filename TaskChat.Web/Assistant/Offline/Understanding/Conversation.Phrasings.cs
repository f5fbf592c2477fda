namespace TaskChat.Web.Assistant.Offline.Understanding;

// Small talk and help, matched against the whole message (lower case, no end punctuation).
// Add a phrasing to the table of the reply it should get.
public static partial class RequestParser
{
    private static readonly (RequestIntent Intent, string Pattern)[] Chat =
    [
        (RequestIntent.Help, @"help|help me|\?+|what can you do|what (else )?can i (say|ask|do|type)|how does (this|it) work|how do (i|you) use (this|you|it)|what do you do|commands|examples?|what are you|who are you|what are you for|instructions|menu|options|how do i start|where do i start|getting started"),
        (RequestIntent.Greeting, @"(hi|hello|hey|hiya|howdy|yo|sup|heya|hallo|hola|good (morning|afternoon|evening|day)|morning|evening|greetings)( there| again| taskchat| assistant| friend| buddy)?"),
        (RequestIntent.Thanks, @"(thanks|thank you|thank u|thx|ty|tysm|cheers|ta|great|awesome|perfect|nice|cool|brilliant|excellent|wonderful|fantastic|amazing|lovely|sweet|neat|good job|well done|nice one|great job|much appreciated|appreciate it|love it|love you|you rock|you're (awesome|great|the best|amazing|a star)|youre (awesome|great|the best|amazing)|that's (great|perfect|it)|thats (great|perfect|it)|ok thanks|okay thanks|got it|good|fine|alright|all good)( (so|very) much| a lot| a bunch| again| buddy| mate)?"),
        (RequestIntent.SmallTalk, @"(how are you|how's it going|hows it going|how are things|how is it going|what's up|whats up|wassup|how have you been|how do you do|are you (there|ok|okay|real|human|a bot|a robot|an ai)|who (made|built|created|wrote) you|what's your name|whats your name|what is your name|tell me (a joke|something|about yourself)|(lol|lmao|haha+|hehe|rofl|omg|wow|hmm+|ok|okay|k|meh|ugh|sigh|bored|i'm bored|im bored))( doing| today| now)?.*"),
    ];
}
