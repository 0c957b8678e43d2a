using EventDialogue.EventStore;

namespace EventDialogue.Projections.Storage;

/// <summary>
/// A fresh copy that has not applied as much of the log as the view it would replace: putting it in place would take
/// the view back, and a reader already served at the view's checkpoint could then read an older view. Nothing is
/// changed; the copy catches up and tries again.
/// </summary>
public sealed class FreshCopyBehindException(string projection, Position copy, Position view)
    : InvalidOperationException($"the fresh copy of {projection} is at position {copy.Value}, behind the view at {view.Value}: it cannot replace it yet")
{
    public Position Copy { get; } = copy;

    public Position View { get; } = view;
}
