using System.Globalization;
using EventDialogue.Projections.Engine;

namespace EventDialogue.Server.Views;

/// <summary>How the server's projections run: checked at start.</summary>
/// <param name="CatchUpBatchSize">
/// The most events one view transaction applies while the views catch up (a rebuild, a start behind the head, the
/// views behind a burst of batches). Bigger batches rebuild faster and hold more in memory while they do; a live view
/// commits whatever is at hand, however big this is.
/// </param>
public sealed record ViewsOptions(int CatchUpBatchSize)
{
    public const string CatchUpBatchSizeKey = "Views:CatchUpBatchSize";

    // A batch is held in memory whole, its events and the documents they make: a million events is gigabytes.
    public const int MaxCatchUpBatchSize = 1_000_000;

    public static ViewsOptions Default { get; } = new(ProjectionRunner.CatchUpBatchSize);

    /// <exception cref="InvalidOperationException">The batch size is not a whole number from 1 to <see cref="MaxCatchUpBatchSize"/>.</exception>
    public static ViewsOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[CatchUpBatchSizeKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return Default;
        }

        return int.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var events) && events is >= 1 and <= MaxCatchUpBatchSize
            ? new ViewsOptions(events)
            : throw new InvalidOperationException(
                $"{CatchUpBatchSizeKey} is '{configured}': give a whole number of events from 1 to {MaxCatchUpBatchSize} (default {ProjectionRunner.CatchUpBatchSize})");
    }
}
