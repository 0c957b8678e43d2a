using EventDialogue.Domain.Dates;

namespace EventDialogue.Domain.Commitments.Assessment;

/// <summary>Whether a fact dated in the world had happened by a day, given how vague its date is.</summary>
public enum Knowledge
{
    /// <summary>Every day its date can mean is on or before the day.</summary>
    Known,

    /// <summary>Some days its date can mean are after the day: "2011-04" as of 15 April 2011.</summary>
    Possible,

    /// <summary>Every day its date can mean is after the day.</summary>
    NotYet,
}

public static class KnowledgeAsOf
{
    public static Knowledge Of(EdtfDate date, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(date);
        if (date.Latest is { } latest && latest <= asOf)
        {
            return Knowledge.Known;
        }

        // An open or unknown start may mean any earlier day.
        return date.Earliest is not { } earliest || earliest <= asOf ? Knowledge.Possible : Knowledge.NotYet;
    }
}
