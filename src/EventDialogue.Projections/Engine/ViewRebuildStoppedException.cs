namespace EventDialogue.Projections.Engine;

/// <summary>A view built again from the log stopped at an event it cannot apply: it is dropped, and the view in use kept.</summary>
public sealed class ViewRebuildStoppedException(string projection, ProjectionFailure failure)
    : Exception($"the {projection} view built again stopped at position {failure.Position.Value} ({failure.EventType} in {failure.Stream}): {failure.Error}; the view in use is kept")
{
    public string Projection { get; } = projection;

    public ProjectionFailure Failure { get; } = failure;
}
