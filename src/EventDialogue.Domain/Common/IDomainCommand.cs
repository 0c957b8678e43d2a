namespace EventDialogue.Domain.Common;

/// <summary>A request to record something; named in the imperative.</summary>
public interface IDomainCommand
{
    /// <summary>The stream the command appends to.</summary>
    string Stream { get; }

    /// <summary>Other streams the decision needs to know exist (sources cited, the round a statement concerns, …).</summary>
    IEnumerable<string> References { get; }
}
