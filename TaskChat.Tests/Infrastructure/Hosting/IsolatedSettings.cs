namespace TaskChat.Tests.Infrastructure.Hosting;

/// <summary>
/// Settings that shut the machine's environment out of a test host. A developer's shell often
/// exports OPENAI_API_KEY or DATABASE_URL; an offline test must not send its turns to a real model
/// or its rows to someone's database. Empty counts as unset; tests of those settings set them.
/// </summary>
public static class IsolatedSettings
{
    /// <summary>The variables that choose a model provider when set.</summary>
    public static readonly string[] ModelVariables = ["GEMINI_API_KEY", "OPENAI_API_KEY", "OPENAI_BASE_URL"];

    /// <summary>The model variables, each set to empty.</summary>
    public static Dictionary<string, string?> WithoutModelVariables() =>
        ModelVariables.ToDictionary(name => name, _ => (string?)"");

    /// <summary>For hosts that are built but never open a database, plus the given settings.</summary>
    public static Dictionary<string, string?> WithoutDatabase(params (string Key, string Value)[] settings)
    {
        var values = WithoutModelVariables();
        values["ConnectionStrings:TaskChat"] = "";
        values["DATABASE_URL"] = "";
        // AddData creates the folder; these hosts never open the file.
        values["Database:SqlitePath"] = Path.Combine(Path.GetTempPath(), "taskchat-unused", "taskchat.db");
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        return values;
    }
}
