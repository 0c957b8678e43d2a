using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.Server.Api.Views.Common;
using Mediator;

namespace EventDialogue.Server.Views;

/// <summary>Builds a view again from the log beside the one in use, and puts it in its place (<see cref="ProjectionHost.RebuildAsync"/>).</summary>
public sealed record RebuildViewCommand(string View) : ICommand<RebuiltView>;

/// <summary>The view built again, and the position of the log it has applied.</summary>
public sealed record RebuiltView(string View, Position Checkpoint);

public sealed class RebuildViewHandler(ProjectionHost host, KeptAnswers keptAnswers) : ICommandHandler<RebuildViewCommand, RebuiltView>
{
    public async ValueTask<RebuiltView> Handle(RebuildViewCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command.View))
        {
            throw new DomainException(DomainErrorKind.InvalidArgument, $"name the view to build again: one of {string.Join(", ", host.Names)}", "view");
        }

        if (!host.Has(command.View))
        {
            throw new DomainException(DomainErrorKind.NotFound, $"there is no view '{command.View}': the views are {string.Join(", ", host.Names)}", "view");
        }

        var checkpoint = await host.RebuildAsync(command.View, cancellationToken);

        // a view built again may stand at the checkpoint the kept answers were read at, but hold other documents
        keptAnswers.Forget();
        return new RebuiltView(command.View, checkpoint);
    }
}
