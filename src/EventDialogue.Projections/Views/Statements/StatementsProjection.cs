using EventDialogue.Domain.Common;
using EventDialogue.Domain.Statements;
using EventDialogue.EventStore;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Views.Statements;

/// <summary>
/// The statements view: filterable by speaker, side, topic, round and source, and searchable in full text — the words
/// said and the topics, which name the cases a statement is about (so "Liu Xiaobo" finds what was said of him).
/// </summary>
public sealed class StatementsProjection(Func<string, string, int, IDomainEvent> readStored) : StreamProjection(readStored)
{
    /// <summary>
    /// The version is in the name (see <see cref="Commitments.CommitmentsProjection.ProjectionName"/>): v2 keeps a document
    /// per audience for a stream with a confidential fact (#12), so a store built before is built again from the log.
    /// </summary>
    public const string ProjectionName = "statements-v2";

    public const string StatementsCollection = ProjectionName;

    public override string Name => ProjectionName;

    protected override IReadOnlyList<string> Categories => [Streams.StatementCategory];

    protected override IReadOnlyList<string> DocumentCollections => [StatementsCollection];

    protected override IEnumerable<ViewDocument> Project(StreamName stream, IReadOnlyList<IDomainEvent> effective)
    {
        if (effective.OfType<StatementRecorded>().LastOrDefault() is not { } e)
        {
            yield break;
        }

        var view = new StatementView(e.StatementId, e.Speaker, e.SpeakerTitle, e.Side, e.Setting, e.Said, e.Place, e.Text, e.Exact, e.Topics, e.Stance, e.RoundId, e.Source);
        var tags = new List<ViewTag>
        {
            new("speaker", e.Speaker),
            new("side", e.Side),
            new("setting", e.Setting),
            new("source", e.Source.SourceId),
        };
        tags.AddRange(e.Topics.Select(t => new ViewTag("topic", t)));
        if (e.RoundId is not null)
        {
            tags.Add(new ViewTag("round", e.RoundId));
        }

        yield return new ViewDocument(StatementsCollection, e.StatementId, ViewJson.Write(view), $"{e.Said}|{e.StatementId}", tags, e.Text, e.Topics);
    }
}
