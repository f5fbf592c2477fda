namespace TaskChat.Tests.Security;

/// <summary>Tests that compare timings run alone, not beside other test classes competing for the two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
